import type { EntryStatus } from "../../../db/schema";
import { STATUS_LABELS, STATUS_TAG_CLASS } from "~/lib/workflow";

export function StatusTag({ status }: { status: EntryStatus }) {
  return <strong className={`govuk-tag ${STATUS_TAG_CLASS[status]}`}>{STATUS_LABELS[status]}</strong>;
}
