import { z } from "zod";
import { requiredText } from "./fields";

// What a force lead can send from their entry's overview page. The server
// checks every move against the workflow whatever is sent; these only decide
// what is well-formed.

export const MAX_COMMENT_LENGTH = 5000;

/** The entry's state_version the page was showing, so a move made from a stale page is refused. */
export const stateVersionField = z
  .string({ error: "This page is out of date. Reload it and try again." })
  .regex(/^\d{1,9}$/, "This page is out of date. Reload it and try again.")
  .transform(Number);

/** A lead's reply to the practice team (the browser checks this too). */
export const leadCommentSchema = z.object({
  body: requiredText("Enter your comment", MAX_COMMENT_LENGTH, "Your comment must be 5,000 characters or fewer"),
});

export const leadActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("withdraw"), stateVersion: stateVersionField }),
    z.object({ intent: z.literal("start_update"), stateVersion: stateVersionField }),
    leadCommentSchema.extend({ intent: z.literal("comment") }),
  ],
  { error: "This action is not available. Reload the page and try again." },
);

export type LeadAction = z.infer<typeof leadActionSchema>;
