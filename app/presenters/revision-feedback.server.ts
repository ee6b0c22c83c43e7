import type { DB } from "~/db.server";
import { formatUkDateTime } from "~/lib/uk-time";
import { listComments, listTimeline } from "~/models/review.server";
import type { RevisionFeedback } from "~/components/practice/section-comments";
import { commentGroups, type CommentView } from "~/components/timeline/comments-view";

// What the practice team said about the last submission, for the lead who is
// revising it: the overall message at the top of the edit form, and each
// section's comments beside that section.


export async function revisionFeedback(db: DB, entryId: number): Promise<RevisionFeedback | null> {
  const [events, comments] = await Promise.all([listTimeline(db, entryId), listComments(db, entryId)]);
  const decision = events.filter((e) => e.action === "request_changes").at(-1);
  if (!decision) return null;
  const lastSubmit = events.filter((e) => e.action === "submit" && e.id < decision.id).at(-1);
  // Only this round's comments: earlier rounds were answered by the submission that followed them.
  const thisRound = comments.filter((c) => !lastSubmit || c.created_at >= lastSubmit.createdAt);
  const general: CommentView[] = [];
  const bySection: Record<string, CommentView[]> = {};
  for (const group of commentGroups(thisRound)) {
    if (group.key === "entry" || group.label === "Other comments") general.push(...group.comments);
    else bySection[group.key] = group.comments;
  }
  return { heading: `${decision.actorName} asked for changes`, when: formatUkDateTime(decision.createdAt), message: decision.reason, general, bySection };
}
