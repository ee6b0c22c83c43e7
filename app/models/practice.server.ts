import { writeTransaction } from "../../db/transaction";
import { sql, type Transaction } from "kysely";
import type { DB } from "~/db.server";
import type { RichTextSectionKey } from "~/lib/practice-options";
import type { RichTextDoc } from "~/lib/rich-text/types";
import { EDITABLE_STATUSES, entryState, transition } from "~/lib/workflow";
import type { EntryDraft } from "~/schemas/practice-entry";
import type { Database, EntryStatus } from "../../db/schema";
import { notifyForMove, recordEvent } from "./entry-workflow.server";

// Every query here that reads or writes a lead's entry is scoped by
// organisation in its WHERE clause: an id from another force finds nothing.

/** What a revision's `content` column holds, besides title and summary. */
export type EntryContent = Omit<EntryDraft, "title" | "summary" | "tagIds" | "bodyText" | "summaryWords" | "sectionWords">;

export interface RevisionView {
  id: number;
  number: number;
  version: number;
  title: string;
  summary: string;
  content: EntryContent;
  tagIds: number[];
  updatedAt: string;
  updatedByName: string;
  frozen: boolean;
}

export interface EntryView {
  id: number;
  status: EntryStatus;
  /** Goes up by one at every state change: actions send it back so a stale page cannot act. */
  stateVersion: number;
  organisationId: number;
  organisationName: string;
  slug: string | null;
  publishedRevisionId: number | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  revision: RevisionView;
}

const EMPTY_SECTIONS: Record<RichTextSectionKey, RichTextDoc | null> = {
  problem: null, aim: null, response: null, implementation: null, results: null, mechanism: null, cost: null, learning: null,
};

export function emptyContent(): EntryContent {
  return {
    unit: "", contactName: "", contactRole: "", contactEmail: "", purpose: null, targetGroups: [], partners: [], scale: null,
    startMonth: "", startYear: "", endMonth: "", endYear: "", ongoing: false, stage: null, evaluationMethod: null,
    costBand: null, sections: { ...EMPTY_SECTIONS }, noSensitiveInfo: false, permissionToPublish: false,
  };
}

type Executor = DB | Transaction<Database>;

export async function loadRevision(db: Executor, revisionId: number): Promise<RevisionView> {
  const row = await db
    .selectFrom("practice_revisions")
    .innerJoin("users", "users.id", "practice_revisions.updated_by")
    .select([
      "practice_revisions.id", "practice_revisions.number", "practice_revisions.version", "practice_revisions.title",
      "practice_revisions.summary", "practice_revisions.content", "practice_revisions.updated_at",
      "practice_revisions.frozen_at", "users.name as updated_by_name",
    ])
    .where("practice_revisions.id", "=", revisionId)
    .executeTakeFirstOrThrow();
  const tags = await db.selectFrom("practice_revision_tags").select("tag_id").where("revision_id", "=", revisionId).execute();
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    title: row.title,
    summary: row.summary,
    content: { ...emptyContent(), ...(JSON.parse(row.content) as Partial<EntryContent>) },
    tagIds: tags.map((t) => t.tag_id),
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
    frozen: row.frozen_at !== null,
  };
}

export async function createDraftEntry(db: DB, user: { id: number; organisationId: number }) {
  return writeTransaction(db, async (trx) => {
    const entry = await trx
      .insertInto("practice_entries")
      .values({ organisation_id: user.organisationId, created_by: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    const revision = await trx
      .insertInto("practice_revisions")
      .values({ entry_id: entry.id, number: 1, content: JSON.stringify(emptyContent()), created_by: user.id, updated_by: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.updateTable("practice_entries").set({ working_revision_id: revision.id }).where("id", "=", entry.id).execute();
    await trx
      .insertInto("workflow_events")
      .values({ entry_id: entry.id, revision_id: revision.id, actor_id: user.id, action: "create", to_status: "draft" })
      .execute();
    return entry.id;
  });
}

async function findScopedEntry(db: Executor, entryId: number, organisationId: number) {
  return db
    .selectFrom("practice_entries")
    .innerJoin("organisations", "organisations.id", "practice_entries.organisation_id")
    .select([
      "practice_entries.id", "practice_entries.status", "practice_entries.organisation_id", "practice_entries.slug",
      "practice_entries.working_revision_id", "practice_entries.published_revision_id", "practice_entries.submitted_at",
      "practice_entries.created_at", "practice_entries.updated_at", "practice_entries.state_version",
      "organisations.name as organisation_name",
    ])
    .where("practice_entries.id", "=", entryId)
    .where("practice_entries.organisation_id", "=", organisationId)
    .executeTakeFirst();
}

export async function getEntryForOrganisation(db: DB, entryId: number, organisationId: number): Promise<EntryView | undefined> {
  const entry = await findScopedEntry(db, entryId, organisationId);
  if (!entry || entry.working_revision_id === null) return undefined;
  return {
    id: entry.id,
    status: entry.status,
    stateVersion: entry.state_version,
    organisationId: entry.organisation_id,
    organisationName: entry.organisation_name,
    slug: entry.slug,
    publishedRevisionId: entry.published_revision_id,
    submittedAt: entry.submitted_at,
    createdAt: entry.created_at,
    updatedAt: entry.updated_at,
    revision: await loadRevision(db, entry.working_revision_id),
  };
}

export function listEntriesForOrganisation(db: DB, organisationId: number) {
  return db
    .selectFrom("practice_entries")
    .leftJoin("practice_revisions", "practice_revisions.id", "practice_entries.working_revision_id")
    .leftJoin("users", "users.id", "practice_revisions.updated_by")
    .select([
      "practice_entries.id", "practice_entries.status", "practice_entries.updated_at",
      "practice_revisions.title", "users.name as updated_by_name",
    ])
    .where("practice_entries.organisation_id", "=", organisationId)
    .orderBy("practice_entries.updated_at", "desc")
    .orderBy("practice_entries.id", "desc")
    .execute();
}

/** Tag ids that are not active tags: a form can only choose from the managed list. */
export async function unknownTagIds(db: DB, ids: number[]) {
  if (ids.length === 0) return [];
  const found = await db.selectFrom("tags").select("id").where("id", "in", ids).where("active", "=", 1).execute();
  const known = new Set(found.map((t) => t.id));
  return ids.filter((id) => !known.has(id));
}

export interface SaveRequest {
  entryId: number;
  organisationId: number;
  userId: number;
  /** The revision version the person's copy was based on. */
  baseVersion: number;
  draft: EntryDraft;
}

export type SaveResult =
  | { ok: true; version: number; savedAt: string }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "not_editable"; status: EntryStatus }
  | { ok: false; reason: "conflict"; current: RevisionView };

function contentOf(draft: EntryDraft): EntryContent {
  const { title: _t, summary: _s, tagIds: _g, bodyText: _b, summaryWords: _w, sectionWords: _x, ...content } = draft;
  return content;
}

// The version check and the write are one UPDATE, so of two saves based on
// the same version exactly one matches; the other is told about the conflict.
async function writeDraft(trx: Transaction<Database>, req: SaveRequest): Promise<SaveResult> {
  const entry = await findScopedEntry(trx, req.entryId, req.organisationId);
  if (!entry || entry.working_revision_id === null) return { ok: false, reason: "not_found" };
  if (!EDITABLE_STATUSES.includes(entry.status)) return { ok: false, reason: "not_editable", status: entry.status };
  const now = new Date().toISOString();
  const updated = await trx
    .updateTable("practice_revisions")
    .set({
      title: req.draft.title,
      summary: req.draft.summary,
      content: JSON.stringify(contentOf(req.draft)),
      body_text: req.draft.bodyText,
      version: sql`version + 1`,
      updated_by: req.userId,
      updated_at: now,
    })
    .where("id", "=", entry.working_revision_id)
    .where("version", "=", req.baseVersion)
    .where("frozen_at", "is", null)
    .returning(["version", "updated_at"])
    .executeTakeFirst();
  if (!updated) return { ok: false, reason: "conflict", current: await loadRevision(trx, entry.working_revision_id) };
  await trx.deleteFrom("practice_revision_tags").where("revision_id", "=", entry.working_revision_id).execute();
  if (req.draft.tagIds.length) {
    await trx
      .insertInto("practice_revision_tags")
      .values(req.draft.tagIds.map((tag_id) => ({ revision_id: entry.working_revision_id!, tag_id })))
      .execute();
  }
  await trx.updateTable("practice_entries").set({ updated_at: now }).where("id", "=", req.entryId).execute();
  return { ok: true, version: updated.version, savedAt: updated.updated_at };
}

export function saveDraft(db: DB, req: SaveRequest): Promise<SaveResult> {
  return writeTransaction(db, (trx) => writeDraft(trx, req));
}

export type SubmitResult = SaveResult | { ok: false; reason: "refused"; status: 403 | 409; message: string };

/** Saves the person's final copy and sends it for review, freezing that revision. */
export function submitForReview(db: DB, req: SaveRequest): Promise<SubmitResult> {
  return writeTransaction(db, async (trx) => {
    const entry = await findScopedEntry(trx, req.entryId, req.organisationId);
    if (!entry) return { ok: false, reason: "not_found" };
    const move = transition(entryState(entry.status, entry.published_revision_id), "submit", { role: "force_lead", ownsEntry: true });
    if (!move.ok) return { ok: false, reason: "refused", status: move.reason === "forbidden" ? 403 : 409, message: move.message };
    const saved = await writeDraft(trx, req);
    if (!saved.ok) return saved;
    const now = new Date().toISOString();
    await trx.updateTable("practice_revisions").set({ frozen_at: now }).where("id", "=", entry.working_revision_id!).execute();
    await trx
      .updateTable("practice_entries")
      .set({ status: move.to, submitted_at: now, updated_at: now, state_version: sql`state_version + 1` })
      .where("id", "=", entry.id)
      .where("state_version", "=", entry.state_version)
      .execute();
    const eventId = await recordEvent(trx, {
      entryId: entry.id, revisionId: entry.working_revision_id, actorId: req.userId, action: "submit", from: entry.status, to: move.to,
    });
    const assigned = await trx.selectFrom("practice_entries").select("assigned_reviewer_id").where("id", "=", entry.id).executeTakeFirstOrThrow();
    await notifyForMove(trx, {
      action: "submit", entryId: entry.id, organisationId: entry.organisation_id, title: req.draft.title, eventId,
      assignedReviewerId: assigned.assigned_reviewer_id, actorId: req.userId,
    });
    return saved;
  });
}
