import type { EntryStatus, Role } from "../../db/schema";

// The life of a practice entry, in one place. The server checks every state
// change against this table, whatever a form sends; pages use it to decide
// which buttons to show.
//
// `status` is the state of the entry's working revision. A published version
// stays live (published_revision_id) while an update to it is drafted and
// reviewed, so "draft" with a live version is a normal state. Two moves
// depend on that live version rather than on the status alone:
//
// - "archive" (take down) is about the live version, so a reviewer can take
//   it down whatever state an update to it is in. Taking it down also ends
//   the update: the entry is "archived", the update's text is kept as it was
//   (in the history, no longer editable or in the queue) and nothing of it is
//   published. One rule, "taken down means gone", is easier to trust than a
//   taken-down entry with an update still moving towards publication.
// - "start_update" is allowed from "published" and also from "rejected" when
//   a version is live. A rejected update stays "rejected" (not silently back
//   to "published") so the lead still sees that it was not accepted and why;
//   their next update starts again from the live text.

export type WorkflowAction = "submit" | "withdraw" | "request_changes" | "reject" | "publish" | "archive" | "start_update";

export interface Actor {
  role: Role;
  /** The actor is a force lead in the entry's own organisation. */
  ownsEntry: boolean;
}

/** What the workflow needs to know about an entry. */
export interface EntryState {
  status: EntryStatus;
  /** A published version is on the public site (published, not taken down). */
  hasLiveVersion: boolean;
}

export function entryState(status: EntryStatus, publishedRevisionId: number | null): EntryState {
  return { status, hasLiveVersion: publishedRevisionId !== null && status !== "archived" };
}

interface Rule {
  from: readonly EntryStatus[];
  /** Allowed only while a version is live (the move is about that version). */
  needsLiveVersion?: true;
  to: EntryStatus;
  who: (actor: Actor) => boolean;
  /** A message or reason must accompany this move (shown to the other side). */
  needsReason: boolean;
  label: string;
}

const leadOfEntry = (a: Actor) => a.role === "force_lead" && a.ownsEntry;
const reviewer = (a: Actor) => a.role === "reviewer";

export const WORKFLOW: Record<WorkflowAction, Rule> = {
  submit: { from: ["draft", "changes_requested", "withdrawn"], to: "in_review", who: leadOfEntry, needsReason: false, label: "Submit for review" },
  withdraw: { from: ["in_review"], to: "withdrawn", who: leadOfEntry, needsReason: false, label: "Withdraw from review" },
  request_changes: { from: ["in_review"], to: "changes_requested", who: reviewer, needsReason: true, label: "Request changes" },
  reject: { from: ["in_review"], to: "rejected", who: reviewer, needsReason: true, label: "Reject" },
  publish: { from: ["in_review"], to: "published", who: reviewer, needsReason: false, label: "Approve and publish" },
  archive: {
    from: ["published", "draft", "in_review", "changes_requested", "withdrawn", "rejected"],
    needsLiveVersion: true,
    to: "archived",
    who: reviewer,
    needsReason: true,
    label: "Take down",
  },
  start_update: { from: ["published", "rejected"], needsLiveVersion: true, to: "draft", who: leadOfEntry, needsReason: false, label: "Update this entry" },
};

export const EDITABLE_STATUSES: readonly EntryStatus[] = ["draft", "changes_requested", "withdrawn"];

/** A review is open: the entry is with the reviewers, or back with the force for changes. Assignment and comments belong here. */
export const REVIEW_OPEN_STATUSES: readonly EntryStatus[] = ["in_review", "changes_requested"];

export function reviewIsOpen(status: EntryStatus): boolean {
  return REVIEW_OPEN_STATUSES.includes(status);
}

export type TransitionResult =
  | { ok: true; to: EntryStatus }
  | { ok: false; reason: "forbidden" | "invalid_state"; message: string };

export function transition(entry: EntryState, action: WorkflowAction, actor: Actor): TransitionResult {
  const rule = WORKFLOW[action];
  if (!rule.who(actor)) {
    return { ok: false, reason: "forbidden", message: "You do not have permission to do that." };
  }
  if (rule.needsLiveVersion && !entry.hasLiveVersion && rule.from.includes(entry.status)) {
    return {
      ok: false,
      reason: "invalid_state",
      message: "This entry has no published version on the practice bank, so it cannot be moved that way. Reload the page to see its current state.",
    };
  }
  if (!rule.from.includes(entry.status)) {
    return {
      ok: false,
      reason: "invalid_state",
      message: `This entry is ${STATUS_LABELS[entry.status].toLowerCase()}, so it cannot be moved that way. Reload the page to see its current state.`,
    };
  }
  return { ok: true, to: rule.to };
}

export function canEdit(status: EntryStatus, actor: Actor): boolean {
  return actor.role === "force_lead" && actor.ownsEntry && EDITABLE_STATUSES.includes(status);
}

export function availableActions(entry: EntryState, actor: Actor): WorkflowAction[] {
  return (Object.keys(WORKFLOW) as WorkflowAction[]).filter((action) => transition(entry, action, actor).ok);
}

/** The HTTP status for a refused move: not allowed at all (403), or not from here (409). */
export function refusalStatus(result: Extract<TransitionResult, { ok: false }>): 403 | 409 {
  return result.reason === "forbidden" ? 403 : 409;
}

export const STATUS_LABELS: Record<EntryStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  published: "Published",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  archived: "Taken down",
};

/** GOV.UK tag colour for each state. */
export const STATUS_TAG_CLASS: Record<EntryStatus, string> = {
  draft: "govuk-tag--grey",
  in_review: "govuk-tag--blue",
  changes_requested: "govuk-tag--orange",
  published: "govuk-tag--green",
  rejected: "govuk-tag--red",
  withdrawn: "govuk-tag--yellow",
  archived: "govuk-tag--purple",
};
