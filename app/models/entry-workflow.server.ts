import { writeTransaction } from "../../db/transaction";
import { sql, type Transaction } from "kysely";
import type { DB } from "~/db.server";
import { entryState, REVIEW_OPEN_STATUSES, STATUS_LABELS, transition, type Actor, type WorkflowAction } from "~/lib/workflow";
import type { Database, EntryStatus, EvidenceLabel } from "../../db/schema";
import { activeUserIds, notifyUsers } from "./notification.server";
import { indexPracticeEntry } from "./search.server";

type Trx = Transaction<Database>;

// Every change of an entry's state goes through here: the workflow module
// decides whether the move is allowed, a conditional UPDATE makes sure only
// one of two people acting at once succeeds, and the audit event, the
// notifications and their emails are written in the same transaction.

export interface ActingUser {
  id: number;
  name: string;
  role: "force_lead" | "reviewer" | "admin";
  organisationId: number | null;
}

export interface TransitionRequest {
  entryId: number;
  action: Exclude<WorkflowAction, "submit">;
  actor: ActingUser;
  /** The entry's state_version the person's page was showing. */
  expectedStateVersion: number;
  reason?: string;
  evidenceLabel?: EvidenceLabel;
  tagIds?: number[];
}

export type TransitionOutcome =
  | { ok: true; to: EntryStatus; slug: string | null }
  | { ok: false; status: 403 | 404 | 409; message: string };

const NOTICE: Partial<Record<WorkflowAction, { kind: string; title: (t: string) => string }>> = {
  submit: { kind: "submitted", title: (t) => `"${t}" was submitted for review` },
  request_changes: { kind: "changes_requested", title: (t) => `Changes requested to "${t}"` },
  reject: { kind: "rejected", title: (t) => `"${t}" was not accepted` },
  publish: { kind: "published", title: (t) => `"${t}" has been published` },
  archive: { kind: "archived", title: (t) => `"${t}" has been taken down` },
  withdraw: { kind: "withdrawn", title: (t) => `"${t}" was withdrawn from review` },
};

async function loadEntry(trx: Trx | DB, entryId: number) {
  return trx
    .selectFrom("practice_entries")
    .leftJoin("practice_revisions", "practice_revisions.id", "practice_entries.working_revision_id")
    .select([
      "practice_entries.id", "practice_entries.status", "practice_entries.organisation_id", "practice_entries.state_version",
      "practice_entries.working_revision_id", "practice_entries.published_revision_id", "practice_entries.slug",
      "practice_entries.assigned_reviewer_id", "practice_entries.first_published_at", "practice_revisions.title",
    ])
    .where("practice_entries.id", "=", entryId)
    .executeTakeFirst();
}

export function actorFor(user: ActingUser, organisationId: number): Actor {
  return { role: user.role, ownsEntry: user.role === "force_lead" && user.organisationId === organisationId };
}

/** Copies a revision into a new, editable one: submitted and published revisions never change. */
async function newWorkingRevision(trx: Trx, entryId: number, fromRevisionId: number, userId: number) {
  const source = await trx.selectFrom("practice_revisions").selectAll().where("id", "=", fromRevisionId).executeTakeFirstOrThrow();
  const { max } = await trx
    .selectFrom("practice_revisions")
    .select((eb) => eb.fn.max("number").as("max"))
    .where("entry_id", "=", entryId)
    .executeTakeFirstOrThrow();
  const { id } = await trx
    .insertInto("practice_revisions")
    .values({
      entry_id: entryId,
      number: Number(max) + 1,
      title: source.title,
      summary: source.summary,
      content: source.content,
      body_text: source.body_text,
      created_by: userId,
      // The text is still the lead's: "last saved by" should not name the
      // reviewer whose request made this copy.
      updated_by: source.updated_by,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const tags = await trx.selectFrom("practice_revision_tags").select("tag_id").where("revision_id", "=", fromRevisionId).execute();
  if (tags.length) {
    await trx.insertInto("practice_revision_tags").values(tags.map((t) => ({ revision_id: id, tag_id: t.tag_id }))).execute();
  }
  return id;
}

const SLUG_MAX = 80;

export function slugify(title: string) {
  const full = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (full.length <= SLUG_MAX) return full || "practice";
  // Cut at a word boundary, so an address never ends in half a word.
  const cut = full.slice(0, SLUG_MAX + 1);
  const lastBreak = cut.lastIndexOf("-");
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : cut.slice(0, SLUG_MAX)).replace(/-+$/, "");
}

async function uniqueSlug(trx: Trx, title: string) {
  const base = slugify(title);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await trx.selectFrom("practice_entries").select("id").where("slug", "=", candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
}

export async function recordEvent(
  trx: Trx,
  e: { entryId: number; revisionId: number | null; actorId: number; action: string; from: EntryStatus | null; to: EntryStatus | null; reason?: string | null },
) {
  const { id } = await trx
    .insertInto("workflow_events")
    .values({
      entry_id: e.entryId,
      revision_id: e.revisionId,
      actor_id: e.actorId,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      reason: e.reason ?? null,
      created_at: new Date().toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Who hears about a move, and what they are told. */
export async function notifyForMove(
  trx: Trx,
  move: { action: WorkflowAction; entryId: number; organisationId: number; title: string; reason?: string | null; eventId: number; assignedReviewerId: number | null; actorId: number },
) {
  const notice = NOTICE[move.action];
  if (!notice) return;
  const title = notice.title(move.title || "Untitled entry");
  const body = move.reason ? `${move.reason}` : "";
  const leads = (await activeUserIds(trx, { role: "force_lead", organisationId: move.organisationId })).filter((id) => id !== move.actorId);
  if (move.action === "submit") {
    await notifyUsers(trx, await activeUserIds(trx, { role: "reviewer" }), { workflowEventId: move.eventId, kind: "new_submission", title: `New submission: "${move.title || "Untitled entry"}"`, body, url: `/review/${move.entryId}` });
    await notifyUsers(trx, [...leads, move.actorId], { workflowEventId: move.eventId, kind: notice.kind, title, body, url: `/submissions/${move.entryId}` });
  } else if (move.action === "withdraw") {
    if (move.assignedReviewerId) {
      await notifyUsers(trx, [move.assignedReviewerId], { workflowEventId: move.eventId, kind: notice.kind, title, body, url: `/review/${move.entryId}` });
    }
  } else {
    await notifyUsers(trx, leads, { workflowEventId: move.eventId, kind: notice.kind, title, body, url: `/submissions/${move.entryId}` });
  }
}

export async function applyTransition(db: DB, req: TransitionRequest): Promise<TransitionOutcome> {
  return writeTransaction(db, async (trx) => {
    const entry = await loadEntry(trx, req.entryId);
    const actor = entry ? actorFor(req.actor, entry.organisation_id) : null;
    // An entry a lead may not see does not exist as far as they can tell.
    if (!entry || (req.actor.role === "force_lead" && !actor!.ownsEntry)) {
      return { ok: false, status: 404, message: "This entry could not be found." };
    }
    const move = transition(entryState(entry.status, entry.published_revision_id), req.action, actor!);
    if (!move.ok) return { ok: false, status: move.reason === "forbidden" ? 403 : 409, message: move.message };
    if (entry.state_version !== req.expectedStateVersion) {
      return { ok: false, status: 409, message: "Someone else acted on this entry while you had it open. Reload the page to see what happened." };
    }
    const now = new Date().toISOString();
    let workingRevisionId = entry.working_revision_id!;
    const changes: Record<string, unknown> = { status: move.to, updated_at: now, state_version: sql`state_version + 1` };
    let slug = entry.slug;

    switch (req.action) {
      case "request_changes":
      case "withdraw":
        // Back to the lead: they edit a new copy, the submitted one stays as it was.
        workingRevisionId = await newWorkingRevision(trx, entry.id, workingRevisionId, req.actor.id);
        changes.working_revision_id = workingRevisionId;
        break;
      case "start_update":
        workingRevisionId = await newWorkingRevision(trx, entry.id, entry.published_revision_id!, req.actor.id);
        changes.working_revision_id = workingRevisionId;
        break;
      case "publish": {
        slug ??= await uniqueSlug(trx, entry.title ?? "");
        Object.assign(changes, {
          slug,
          published_revision_id: workingRevisionId,
          evidence_label: req.evidenceLabel,
          published_at: now,
          first_published_at: entry.first_published_at ?? now,
          archived_at: null,
          archive_reason: null,
        });
        await trx.deleteFrom("practice_entry_tags").where("entry_id", "=", entry.id).execute();
        if (req.tagIds?.length) {
          await trx.insertInto("practice_entry_tags").values(req.tagIds.map((tag_id) => ({ entry_id: entry.id, tag_id }))).execute();
        }
        break;
      }
      case "archive":
        Object.assign(changes, { archived_at: now, archive_reason: req.reason ?? null });
        break;
      case "reject":
        break;
    }

    const updated = await trx
      .updateTable("practice_entries")
      .set(changes)
      .where("id", "=", entry.id)
      .where("state_version", "=", req.expectedStateVersion)
      .where("status", "=", entry.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new Error("entry changed inside its own transaction");
    }
    // Published text enters (and taken-down text leaves) search in the same transaction.
    await indexPracticeEntry(trx, entry.id);
    const eventId = await recordEvent(trx, {
      entryId: entry.id,
      // Taking down concerns the live version, even while an update to it is in progress.
      revisionId: req.action === "archive" ? entry.published_revision_id : req.action === "publish" || req.action === "reject" ? entry.working_revision_id : workingRevisionId,
      actorId: req.actor.id,
      action: req.action,
      from: entry.status,
      to: move.to,
      reason: req.reason,
    });
    await notifyForMove(trx, {
      action: req.action,
      entryId: entry.id,
      organisationId: entry.organisation_id,
      title: entry.title ?? "",
      reason: req.reason,
      eventId,
      assignedReviewerId: entry.assigned_reviewer_id,
      actorId: req.actor.id,
    });
    return { ok: true, to: move.to, slug };
  });
}

export type AssignOutcome = { ok: true; changed: boolean } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

async function assigneeName(trx: Trx, userId: number | null) {
  if (userId === null) return null;
  return (await trx.selectFrom("users").select("name").where("id", "=", userId).executeTakeFirst())?.name ?? "Another reviewer";
}

function closedToReview(status: EntryStatus, what: string) {
  return `This entry is ${STATUS_LABELS[status].toLowerCase()}, so ${what}. Reload the page to see its current state.`;
}

/**
 * A reviewer takes an entry, or gives it to another reviewer. Not a state change.
 * `expectedAssigneeId` is who the caller believes has the entry now (a claim
 * expects no one); it is part of the UPDATE's WHERE, so of two people
 * assigning at once exactly one succeeds and the other gets a 409 naming who
 * has it. Left out, it is whoever has the entry when this transaction reads it.
 */
export async function assignEntry(db: DB, entryId: number, actor: ActingUser, reviewerId: number, expectedAssigneeId?: number | null): Promise<AssignOutcome> {
  if (actor.role !== "reviewer") return { ok: false, status: 403, message: "Only reviewers can assign entries." };
  return writeTransaction(db, async (trx): Promise<AssignOutcome> => {
    const entry = await loadEntry(trx, entryId);
    if (!entry) return { ok: false, status: 404, message: "This entry could not be found." };
    if (!REVIEW_OPEN_STATUSES.includes(entry.status)) {
      return { ok: false, status: 409, message: closedToReview(entry.status, "it can no longer be assigned") };
    }
    if (entry.assigned_reviewer_id === reviewerId) return { ok: true, changed: false };
    const reviewer = await trx.selectFrom("users").select(["id", "name"]).where("id", "=", reviewerId).where("role", "=", "reviewer").where("disabled_at", "is", null).executeTakeFirst();
    if (!reviewer) return { ok: false, status: 400, message: "Choose a reviewer from the list." };
    const expected = expectedAssigneeId === undefined ? entry.assigned_reviewer_id : expectedAssigneeId;
    const updated = await trx
      .updateTable("practice_entries")
      .set({ assigned_reviewer_id: reviewer.id })
      .where("id", "=", entryId)
      .where("status", "in", REVIEW_OPEN_STATUSES)
      .where((eb) => (expected === null ? eb("assigned_reviewer_id", "is", null) : eb("assigned_reviewer_id", "=", expected)))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const now = await trx.selectFrom("practice_entries").select("assigned_reviewer_id").where("id", "=", entryId).executeTakeFirstOrThrow();
      const holder = await assigneeName(trx, now.assigned_reviewer_id);
      return {
        ok: false,
        status: 409,
        message: holder
          ? `${now.assigned_reviewer_id === actor.id ? "You have" : `${holder} has`} already taken this entry.`
          : "Someone else changed who is reviewing this entry. Reload the page and try again.",
      };
    }
    const eventId = await recordEvent(trx, {
      entryId, revisionId: entry.working_revision_id, actorId: actor.id, action: "assign", from: entry.status, to: entry.status,
      reason: reviewer.id === actor.id ? `${reviewer.name} took this entry` : `Assigned to ${reviewer.name}`,
    });
    if (reviewer.id !== actor.id) {
      await notifyUsers(trx, [reviewer.id], { workflowEventId: eventId, kind: "assigned", title: `"${entry.title || "Untitled entry"}" was assigned to you`, body: `${actor.name} assigned it to you.`, url: `/review/${entryId}` });
    }
    return { ok: true, changed: true };
  });
}

/** "Take it": a reviewer assigns an unassigned entry to themselves, unless someone got there first. */
export function claimEntry(db: DB, entryId: number, actor: ActingUser): Promise<AssignOutcome> {
  return assignEntry(db, entryId, actor, actor.id, null);
}

export type CommentOutcome = { ok: true } | { ok: false; status: 403 | 404 | 409; message: string };

/** A comment on the whole entry or one section, by a reviewer or one of the entry's own leads, while it is under review. */
export async function addComment(db: DB, entryId: number, actor: ActingUser, body: string, sectionKey: string | null): Promise<CommentOutcome> {
  return writeTransaction(db, async (trx): Promise<CommentOutcome> => {
    const entry = await loadEntry(trx, entryId);
    const owns = entry && actor.role === "force_lead" && actor.organisationId === entry.organisation_id;
    if (!entry || (actor.role === "force_lead" && !owns)) return { ok: false, status: 404, message: "This entry could not be found." };
    if (actor.role === "admin") return { ok: false, status: 403, message: "Only reviewers and the entry's own leads can comment." };
    // Comments are part of a review: between a submission and the decision on it.
    if (!REVIEW_OPEN_STATUSES.includes(entry.status)) {
      return { ok: false, status: 409, message: closedToReview(entry.status, "comments are closed") };
    }
    await trx.insertInto("review_comments").values({ entry_id: entryId, revision_id: entry.working_revision_id, author_id: actor.id, section_key: sectionKey, body }).execute();
    const eventId = await recordEvent(trx, { entryId, revisionId: entry.working_revision_id, actorId: actor.id, action: "comment", from: entry.status, to: entry.status, reason: body });
    const recipients =
      actor.role === "reviewer"
        ? await activeUserIds(trx, { role: "force_lead", organisationId: entry.organisation_id })
        : entry.assigned_reviewer_id
          ? [entry.assigned_reviewer_id]
          : await activeUserIds(trx, { role: "reviewer" });
    const where = actor.role === "reviewer" ? `/submissions/${entryId}` : `/review/${entryId}`;
    await notifyUsers(trx, recipients, { workflowEventId: eventId, kind: "comment", title: `${actor.name} commented on "${entry.title || "Untitled entry"}"`, body, url: where });
    return { ok: true as const };
  });
}
