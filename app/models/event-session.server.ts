import { writeTransaction } from "../../db/transaction";
import type { DB } from "~/db.server";
import { indexEventSession } from "./search.server";

export interface EventSessionView {
  id: number;
  slug: string;
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  listedDay: string;
  bookingUrl: string | null;
  recordingUrl: string | null;
  dataWarnings: string[];
  updatedAt: string;
  speakers: { name: string; role: string; organisation: string }[];
  tags: { id: number; slug: string; label: string }[];
}

async function hydrate(db: DB, rows: Awaited<ReturnType<typeof baseQuery>>): Promise<EventSessionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const speakers = await db
    .selectFrom("event_speakers")
    .select(["event_session_id", "name", "role", "organisation_name"])
    .where("event_session_id", "in", ids)
    .orderBy("event_session_id")
    .orderBy("position")
    .execute();
  const tags = await db
    .selectFrom("event_session_tags")
    .innerJoin("tags", "tags.id", "event_session_tags.tag_id")
    .select(["event_session_tags.event_session_id", "tags.id", "tags.slug", "tags.label"])
    .where("event_session_tags.event_session_id", "in", ids)
    .where("tags.active", "=", 1)
    .orderBy("tags.label")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    listedDay: r.listed_day,
    bookingUrl: r.booking_url,
    recordingUrl: r.recording_url,
    dataWarnings: JSON.parse(r.data_warnings) as string[],
    updatedAt: r.updated_at,
    speakers: speakers
      .filter((s) => s.event_session_id === r.id)
      .map((s) => ({ name: s.name, role: s.role, organisation: s.organisation_name })),
    tags: tags.filter((t) => t.event_session_id === r.id).map((t) => ({ id: t.id, slug: t.slug, label: t.label })),
  }));
}

function baseQuery(db: DB) {
  return db.selectFrom("event_sessions").selectAll().orderBy("starts_at").orderBy("id").execute();
}

export async function listEventSessions(db: DB): Promise<EventSessionView[]> {
  return hydrate(db, await baseQuery(db));
}

export async function getEventSessionBySlug(db: DB, slug: string): Promise<EventSessionView | undefined> {
  const rows = await db.selectFrom("event_sessions").selectAll().where("slug", "=", slug).execute();
  return (await hydrate(db, rows))[0];
}

export async function getEventSession(db: DB, id: number): Promise<EventSessionView | undefined> {
  const rows = await db.selectFrom("event_sessions").selectAll().where("id", "=", id).execute();
  return (await hydrate(db, rows))[0];
}

/** Every tag linked to a session, retired ones included (the view above leaves those out). */
export async function listEventSessionTagIds(db: DB, id: number): Promise<{ id: number; active: boolean }[]> {
  const rows = await db
    .selectFrom("event_session_tags")
    .innerJoin("tags", "tags.id", "event_session_tags.tag_id")
    .select(["tags.id", "tags.active"])
    .where("event_session_tags.event_session_id", "=", id)
    .execute();
  return rows.map((r) => ({ id: r.id, active: r.active === 1 }));
}

export interface EventSessionListingInput {
  title: string;
  summary: string;
  bookingUrl: string | null;
  recordingUrl: string | null;
  tagIds: number[];
  // Warnings an admin has checked and cleared.
  dataWarnings: string[];
}

export async function updateEventSessionListing(db: DB, id: number, input: EventSessionListingInput) {
  await writeTransaction(db, async (trx) => {
    await trx
      .updateTable("event_sessions")
      .set({
        title: input.title,
        summary: input.summary,
        booking_url: input.bookingUrl,
        recording_url: input.recordingUrl,
        data_warnings: JSON.stringify(input.dataWarnings),
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("event_session_tags").where("event_session_id", "=", id).execute();
    if (input.tagIds.length) {
      await trx.insertInto("event_session_tags").values(input.tagIds.map((tag_id) => ({ event_session_id: id, tag_id }))).execute();
    }
    await indexEventSession(trx, id);
  });
}
