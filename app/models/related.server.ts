import type { DB } from "~/db.server";
import { isLive } from "./published-practice.server";

// "Related" means sharing at least one active topic tag. Practice uses the
// tags the reviewer published (practice_entry_tags), never a lead's
// suggestions on a draft, and only live entries are offered.

export const RELATED_LIMIT = 5;

export interface RelatedPractice {
  slug: string;
  title: string;
  organisationName: string;
  publishedAt: string;
  sharedTags: number;
}

export interface RelatedSession {
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  sharedTags: number;
}

/** Active tag ids on a live entry's published version (none if it is not live). */
async function liveEntryTagIds(db: DB, entryId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("practice_entry_tags as pt")
    .innerJoin("tags as t", "t.id", "pt.tag_id")
    .innerJoin("practice_entries as e", "e.id", "pt.entry_id")
    .select("t.id")
    .where("pt.entry_id", "=", entryId)
    .where("t.active", "=", 1)
    .where(isLive)
    .execute();
  return rows.map((r) => r.id);
}

/** Active tag ids on a session. */
async function sessionTagIds(db: DB, sessionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("event_session_tags as st")
    .innerJoin("tags as t", "t.id", "st.tag_id")
    .select("t.id")
    .where("st.event_session_id", "=", sessionId)
    .where("t.active", "=", 1)
    .execute();
  return rows.map((r) => r.id);
}

/** Live practice sharing any of the tags: most tags in common first, then the most recently published. */
async function practiceSharing(db: DB, tagIds: number[], excludeEntryId: number | null, limit: number): Promise<RelatedPractice[]> {
  if (tagIds.length === 0) return [];
  let query = db
    .selectFrom("practice_entry_tags as pt")
    .innerJoin("practice_entries as e", "e.id", "pt.entry_id")
    .innerJoin("practice_revisions as r", "r.id", "e.published_revision_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select((eb) => ["e.slug", "r.title", "o.name", "e.published_at", eb.fn.countAll<number>().as("shared")])
    .where("pt.tag_id", "in", tagIds)
    .where(isLive)
    .groupBy("e.id")
    .orderBy("shared", "desc")
    .orderBy("e.published_at", "desc")
    .orderBy("e.id", "desc")
    .limit(limit);
  if (excludeEntryId !== null) query = query.where("e.id", "<>", excludeEntryId);
  const rows = await query.execute();
  return rows.map((r) => ({ slug: r.slug!, title: r.title, organisationName: r.name, publishedAt: r.published_at!, sharedTags: Number(r.shared) }));
}

/** Sessions sharing any of the tags: most tags in common first, then in programme order. */
async function sessionsSharing(db: DB, tagIds: number[], limit: number): Promise<RelatedSession[]> {
  if (tagIds.length === 0) return [];
  const rows = await db
    .selectFrom("event_session_tags as st")
    .innerJoin("event_sessions as s", "s.id", "st.event_session_id")
    .select((eb) => ["s.slug", "s.title", "s.starts_at", "s.ends_at", eb.fn.countAll<number>().as("shared")])
    .where("st.tag_id", "in", tagIds)
    .groupBy("s.id")
    .orderBy("shared", "desc")
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ slug: r.slug, title: r.title, startsAt: r.starts_at, endsAt: r.ends_at, sharedTags: Number(r.shared) }));
}

/** For a practice page: other live practice and the sessions that share its published tags. */
export async function relatedToPractice(db: DB, entryId: number, limit = RELATED_LIMIT) {
  const tagIds = await liveEntryTagIds(db, entryId);
  return {
    practice: await practiceSharing(db, tagIds, entryId, limit),
    sessions: await sessionsSharing(db, tagIds, limit),
  };
}

/** For a session page: live practice sharing the session's tags. */
export async function relatedToSession(db: DB, sessionId: number, limit = RELATED_LIMIT): Promise<RelatedPractice[]> {
  return practiceSharing(db, await sessionTagIds(db, sessionId), null, limit);
}
