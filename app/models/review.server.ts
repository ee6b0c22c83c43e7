import { sql } from "kysely";
import type { DB } from "~/db.server";
import type { EntryStatus } from "../../db/schema";
import { loadRevision, type RevisionView } from "./practice.server";

export const QUEUE_STATES = ["in_review", "changes_requested"] as const satisfies readonly EntryStatus[];
export type QueueState = (typeof QUEUE_STATES)[number];

export interface QueueFilters {
  states: QueueState[];
  organisationId?: number;
  region?: string;
  tagId?: number;
  assigned?: "me" | "unassigned";
}

/** Entries waiting on the practice team, oldest submission first, with counts for the filters. */
export async function listReviewQueue(db: DB, reviewerId: number, filters: QueueFilters) {
  const states = filters.states.length ? filters.states : [...QUEUE_STATES];
  let q = db
    .selectFrom("practice_entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .leftJoin("practice_revisions as r", "r.id", "e.working_revision_id")
    .leftJoin("users as a", "a.id", "e.assigned_reviewer_id")
    .select([
      "e.id", "e.status", "e.submitted_at", "e.assigned_reviewer_id", "e.published_revision_id", "r.title",
      "o.name as organisation_name", "o.region", "a.name as assigned_name",
    ])
    .where("e.status", "in", states);
  if (filters.organisationId) q = q.where("e.organisation_id", "=", filters.organisationId);
  if (filters.region) q = q.where("o.region", "=", filters.region);
  if (filters.tagId) {
    const tagId = filters.tagId;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom("practice_revision_tags as t").select("t.tag_id").whereRef("t.revision_id", "=", "e.working_revision_id").where("t.tag_id", "=", tagId)),
    );
  }
  if (filters.assigned === "me") q = q.where("e.assigned_reviewer_id", "=", reviewerId);
  if (filters.assigned === "unassigned") q = q.where("e.assigned_reviewer_id", "is", null);
  const entries = await q.orderBy("e.submitted_at").orderBy("e.id").execute();

  const counts = await db
    .selectFrom("practice_entries")
    .select([
      sql<number>`sum(status = 'in_review')`.as("in_review"),
      sql<number>`sum(status = 'changes_requested')`.as("changes_requested"),
      sql<number>`sum(status = 'in_review' and assigned_reviewer_id = ${reviewerId})`.as("mine"),
      sql<number>`sum(status = 'in_review' and assigned_reviewer_id is null)`.as("unassigned"),
    ])
    .where("status", "in", [...QUEUE_STATES])
    .executeTakeFirstOrThrow();
  return {
    entries,
    counts: {
      in_review: Number(counts.in_review ?? 0),
      changes_requested: Number(counts.changes_requested ?? 0),
      mine: Number(counts.mine ?? 0),
      unassigned: Number(counts.unassigned ?? 0),
    },
  };
}

export function listReviewers(db: DB) {
  return db.selectFrom("users").select(["id", "name"]).where("role", "=", "reviewer").where("disabled_at", "is", null).orderBy("name").execute();
}

export interface TimelineItem {
  id: number;
  action: string;
  fromStatus: EntryStatus | null;
  toStatus: EntryStatus | null;
  reason: string | null;
  createdAt: string;
  actorName: string;
  actorRole: string;
}

export async function listTimeline(db: DB, entryId: number): Promise<TimelineItem[]> {
  const rows = await db
    .selectFrom("workflow_events as w")
    .innerJoin("users as u", "u.id", "w.actor_id")
    .select(["w.id", "w.action", "w.from_status", "w.to_status", "w.reason", "w.created_at", "u.name", "u.role"])
    .where("w.entry_id", "=", entryId)
    .orderBy("w.id")
    .execute();
  return rows.map((r) => ({
    id: r.id, action: r.action, fromStatus: r.from_status, toStatus: r.to_status, reason: r.reason,
    createdAt: r.created_at, actorName: r.name, actorRole: r.role,
  }));
}

export function listComments(db: DB, entryId: number) {
  return db
    .selectFrom("review_comments as c")
    .innerJoin("users as u", "u.id", "c.author_id")
    .select(["c.id", "c.body", "c.section_key", "c.created_at", "c.revision_id", "u.name as author_name", "u.role as author_role"])
    .where("c.entry_id", "=", entryId)
    .orderBy("c.id")
    .execute();
}

/** The submitted (frozen) revisions of an entry, newest first. */
async function frozenRevisionIds(db: DB, entryId: number) {
  const rows = await db
    .selectFrom("practice_revisions")
    .select("id")
    .where("entry_id", "=", entryId)
    .where("frozen_at", "is not", null)
    .orderBy("number", "desc")
    .execute();
  return rows.map((r) => r.id);
}

export interface ReviewView {
  id: number;
  status: EntryStatus;
  stateVersion: number;
  organisationId: number;
  organisationName: string;
  region: string;
  slug: string | null;
  evidenceLabel: string | null;
  assignedReviewerId: number | null;
  assignedReviewerName: string | null;
  /** The published revision, live unless the entry is taken down. */
  publishedRevisionId: number | null;
  submittedAt: string | null;
  /** The latest submitted revision: what the reviewer decides on. */
  underReview: RevisionView | null;
  /** The submission before it, for "what changed since last time". */
  previousSubmission: RevisionView | null;
  /**
   * The submission before it is the published version (the first submission
   * of an update), so the two comparisons would show the same changes.
   */
  previousIsPublished: boolean;
  /** The live version, when this is an update to a published entry. */
  published: RevisionView | null;
  publishedTagIds: number[];
}

/** Everything a reviewer needs about one entry. Reviewers see every organisation's submissions. */
export async function getReviewEntry(db: DB, entryId: number): Promise<ReviewView | undefined> {
  const e = await db
    .selectFrom("practice_entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .leftJoin("users as a", "a.id", "e.assigned_reviewer_id")
    .select([
      "e.id", "e.status", "e.state_version", "e.organisation_id", "e.slug", "e.evidence_label", "e.assigned_reviewer_id",
      "e.submitted_at", "e.published_revision_id", "o.name as organisation_name", "o.region", "a.name as assigned_name",
    ])
    .where("e.id", "=", entryId)
    .executeTakeFirst();
  // Drafts that were never submitted are the lead's own business.
  if (!e) return undefined;
  const frozen = await frozenRevisionIds(db, entryId);
  if (frozen.length === 0) return undefined;
  const underReview = await loadRevision(db, frozen[0]);
  const previousId = frozen[1] ?? null;
  const publishedTags = await db.selectFrom("practice_entry_tags").select("tag_id").where("entry_id", "=", entryId).execute();
  return {
    id: e.id,
    status: e.status,
    stateVersion: e.state_version,
    organisationId: e.organisation_id,
    organisationName: e.organisation_name,
    region: e.region,
    slug: e.slug,
    evidenceLabel: e.evidence_label,
    assignedReviewerId: e.assigned_reviewer_id,
    assignedReviewerName: e.assigned_name,
    publishedRevisionId: e.published_revision_id,
    submittedAt: e.submitted_at,
    underReview,
    previousSubmission: previousId ? await loadRevision(db, previousId) : null,
    previousIsPublished: previousId !== null && previousId === e.published_revision_id,
    published: e.published_revision_id && e.published_revision_id !== underReview.id ? await loadRevision(db, e.published_revision_id) : null,
    publishedTagIds: publishedTags.map((t) => t.tag_id),
  };
}

export type PublicLookup =
  | { kind: "live"; entry: { id: number; slug: string; evidenceLabel: string | null; organisationName: string; region: string; publishedAt: string; firstPublishedAt: string }; revision: RevisionView; tags: { slug: string; label: string }[] }
  | { kind: "archived"; reason: string | null }
  | { kind: "missing" };

/** What the public may see at /practice/<slug>: only a live published version. */
export async function findPublishedEntry(db: DB, slug: string): Promise<PublicLookup> {
  const e = await db
    .selectFrom("practice_entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select(["e.id", "e.slug", "e.status", "e.published_revision_id", "e.archived_at", "e.archive_reason", "e.evidence_label", "e.published_at", "e.first_published_at", "o.name", "o.region"])
    .where("e.slug", "=", slug)
    .where("e.published_revision_id", "is not", null)
    .executeTakeFirst();
  if (!e) return { kind: "missing" };
  if (e.status === "archived") return { kind: "archived", reason: e.archive_reason };
  const tags = await db
    .selectFrom("practice_entry_tags as pt")
    .innerJoin("tags as t", "t.id", "pt.tag_id")
    .select(["t.slug", "t.label"])
    .where("pt.entry_id", "=", e.id)
    .where("t.active", "=", 1)
    .orderBy("t.label")
    .execute();
  return {
    kind: "live",
    entry: { id: e.id, slug: e.slug!, evidenceLabel: e.evidence_label, organisationName: e.name, region: e.region, publishedAt: e.published_at!, firstPublishedAt: e.first_published_at! },
    revision: await loadRevision(db, e.published_revision_id!),
    tags,
  };
}
