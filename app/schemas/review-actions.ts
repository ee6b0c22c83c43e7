import { z } from "zod";
import { EVIDENCE_LABELS, RICH_TEXT_SECTIONS, values } from "~/lib/practice-options";
import { idList } from "./fields";

// The forms on a review page. Each form says what it is in `intent`; the
// browser checks one form's schema before sending it, and the server checks
// the same schema (through `reviewActionSchema`) and has the final say.
// Field names differ between forms so that each form's errors, and the error
// summary's links, point at that form's own fields.

export const COMMENT_MAX = 2000;
export const DECISION_TEXT_MAX = 5000;

export const REVIEW_ARRAY_FIELDS = ["tagIds"] as const;

const OUT_OF_DATE = "This form is out of date. Reload the page and try again.";

/** The entry's state_version the page was showing, sent back with every decision. */
const stateVersion = z.string({ error: OUT_OF_DATE }).regex(/^\d{1,9}$/, OUT_OF_DATE).transform(Number);

const reviewerText = (missing: string, max: number, tooLong: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);

export const claimSchema = z.object({ intent: z.literal("claim") });

export const assignSchema = z.object({
  intent: z.literal("assign"),
  reviewerId: z
    .string({ error: "Choose a reviewer" })
    .min(1, "Choose a reviewer")
    .regex(/^\d{1,9}$/, "Choose a reviewer from the list")
    .transform(Number),
});

export const COMMENT_SECTIONS = RICH_TEXT_SECTIONS.map(({ key, label }) => ({ value: key, label }));

export const commentSchema = z.object({
  intent: z.literal("comment"),
  comment: reviewerText("Enter your comment", COMMENT_MAX, `Your comment must be ${COMMENT_MAX.toLocaleString("en-GB")} characters or fewer`),
  sectionKey: z
    .union([z.enum(RICH_TEXT_SECTIONS.map((s) => s.key) as [string, ...string[]]), z.literal("")], { error: "Choose a section from the list" })
    .optional()
    .transform((v) => v || null),
});

export const requestChangesSchema = z.object({
  intent: z.literal("request_changes"),
  stateVersion,
  message: reviewerText(
    "Enter what needs to change",
    DECISION_TEXT_MAX,
    `What needs to change must be ${DECISION_TEXT_MAX.toLocaleString("en-GB")} characters or fewer`,
  ),
});

export const rejectSchema = z.object({
  intent: z.literal("reject"),
  stateVersion,
  rejectReason: reviewerText(
    "Enter why the entry is not being published",
    DECISION_TEXT_MAX,
    `The reason must be ${DECISION_TEXT_MAX.toLocaleString("en-GB")} characters or fewer`,
  ),
});

export const publishSchema = z.object({
  intent: z.literal("publish"),
  stateVersion,
  evidenceLabel: z.enum(values(EVIDENCE_LABELS), { error: "Select what the evidence shows" }),
  tagIds: idList.refine((ids) => ids.length > 0, "Select at least one topic"),
});

export const archiveSchema = z.object({
  intent: z.literal("archive"),
  stateVersion,
  takeDownReason: reviewerText(
    "Enter why the entry is being taken down",
    DECISION_TEXT_MAX,
    `The reason must be ${DECISION_TEXT_MAX.toLocaleString("en-GB")} characters or fewer`,
  ),
});

export const reviewActionSchema = z.discriminatedUnion(
  "intent",
  [claimSchema, assignSchema, commentSchema, requestChangesSchema, rejectSchema, publishSchema, archiveSchema],
  { error: "This form could not be read. Reload the page and try again." },
);

export type ReviewAction = z.infer<typeof reviewActionSchema>;
export type ReviewIntent = ReviewAction["intent"];
export type DecisionIntent = Extract<ReviewIntent, "request_changes" | "reject" | "publish" | "archive">;

export const REVIEW_INTENTS = ["claim", "assign", "comment", "request_changes", "reject", "publish", "archive"] as const satisfies readonly ReviewIntent[];

export function isReviewIntent(value: unknown): value is ReviewIntent {
  return typeof value === "string" && (REVIEW_INTENTS as readonly string[]).includes(value);
}

/** Field order per form, for the error summary. */
export const REVIEW_FIELD_ORDER = ["form", "reviewerId", "sectionKey", "comment", "message", "rejectReason", "evidenceLabel", "tagIds", "takeDownReason"] as const;

/** What a successful action is called in the banner after it. */
export const DONE_MESSAGES: Record<ReviewIntent, string> = {
  claim: "You have taken this entry.",
  assign: "The entry has been assigned.",
  comment: "Your comment has been added.",
  request_changes: "Changes have been requested. The force has been told.",
  reject: "The entry has been rejected. The force has been told.",
  publish: "The entry has been published.",
  archive: "The entry has been taken down.",
};
