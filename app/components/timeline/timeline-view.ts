import { formatUkDateTime } from "~/lib/uk-time";
import { STATUS_LABELS } from "~/lib/workflow";
import type { TimelineItem } from "~/models/review.server";
import type { EntryStatus } from "../../../db/schema";

/** One event of an entry's history, ready to show: words and UK time worked out on the server. */
export interface TimelineEvent {
  id: number;
  action: string;
  /** "Changes requested by Priya Shah" */
  title: string;
  /** ISO instant, for <time dateTime>. */
  at: string;
  /** "25 November 2026 at 2:03pm" */
  when: string;
  /** The message that went with the move (a reason, a comment), if any. */
  message: string | null;
}

function statusLabel(status: EntryStatus | null) {
  return status ? STATUS_LABELS[status]?.toLowerCase() ?? status : "";
}

/** What happened, in words: "<what> by <who>". */
export function describeEvent(item: Pick<TimelineItem, "action" | "actorName" | "fromStatus" | "toStatus" | "reason">): { title: string; message: string | null } {
  const by = item.actorName;
  const reason = item.reason?.trim() ? item.reason : null;
  switch (item.action) {
    case "create":
      return { title: `Started by ${by}`, message: null };
    case "submit":
      return { title: `Submitted by ${by}`, message: reason };
    case "withdraw":
      return { title: `Withdrawn from review by ${by}`, message: reason };
    case "request_changes":
      return { title: `Changes requested by ${by}`, message: reason };
    case "reject":
      return { title: `Rejected by ${by}`, message: reason };
    case "publish":
      return { title: `Published by ${by}`, message: reason };
    case "archive":
      return { title: `Taken down by ${by}`, message: reason };
    case "start_update":
      return { title: `Update started by ${by}`, message: "The published version stays live until the update is published." };
    case "assign":
      // The reason already names who: "Priya Shah took this entry", "Assigned to Sam Jones".
      return { title: reason ? (reason.startsWith("Assigned to") ? `${reason} by ${by}` : reason) : `Assigned by ${by}`, message: null };
    case "comment":
      return { title: `Comment from ${by}`, message: reason };
    default: {
      const moved = item.toStatus && item.toStatus !== item.fromStatus ? ` (now ${statusLabel(item.toStatus)})` : "";
      const words = item.action.replace(/_/g, " ");
      return { title: `${words.charAt(0).toUpperCase()}${words.slice(1)} by ${by}${moved}`, message: reason };
    }
  }
}

/** The whole history, newest first, for <Timeline>. Call it in a loader. */
export function timelineView(items: TimelineItem[]): TimelineEvent[] {
  return [...items]
    .sort((a, b) => b.id - a.id)
    .map((item) => ({ id: item.id, action: item.action, at: item.createdAt, when: formatUkDateTime(item.createdAt), ...describeEvent(item) }));
}
