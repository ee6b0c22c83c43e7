import { getDb } from "~/db.server";
import { formToObject } from "~/lib/form-data.server";
import {
  COST_BANDS, EVALUATION_METHODS, labelOf, PARTNERS, PURPOSES, RICH_TEXT_SECTIONS, SCALES, STAGES, TARGET_GROUPS,
} from "~/lib/practice-options";
import { richTextToPlainText } from "~/lib/rich-text/render";
import { formatUkDateTime } from "~/lib/uk-time";
import { STATUS_LABELS } from "~/lib/workflow";
import { parseWith, type FieldErrors } from "~/lib/validation";
import { defaultsFromStored, type EntryFormDefaults } from "~/lib/entry-form-values";
import { listTags } from "~/models/tag.server";
import { emptyContent, saveDraft, submitForReview, unknownTagIds, type EntryContent, type RevisionView } from "~/models/practice.server";
import type { SessionUser } from "~/models/user.server";
import { ENTRY_ARRAY_FIELDS, entryDraftSchema, entrySubmitSchema, type EntryDraft } from "~/schemas/practice-entry";

export interface ConflictView {
  version: number;
  savedAt: string;
  savedBy: string;
  /** The same person saved it, in another tab or window. */
  byYou: boolean;
  theirs: EntryFormDefaults;
  differences: { field: string; label: string; theirs: string; yours: string }[];
}

export type SaveOutcome =
  | { kind: "saved"; version: number; savedAt: string }
  | { kind: "submitted" }
  | { kind: "invalid"; errors: FieldErrors; values: Record<string, unknown> }
  | { kind: "conflict"; conflict: ConflictView; values: Record<string, unknown> }
  | { kind: "refused"; status: 403 | 404 | 409; message: string };

/** Each field as a person would read it, to show what differs between two versions. */
function readable(
  v: { title: string; summary: string; tagIds: number[]; content: EntryContent },
  tagLabels: Map<number, string>,
): { field: string; label: string; text: string }[] {
  const c = v.content;
  const date = (m: string, y: string) => [m, y].filter(Boolean).join("/");
  return [
    { field: "title", label: "Title", text: v.title },
    { field: "summary", label: "Summary", text: v.summary },
    { field: "unit", label: "Unit or neighbourhood", text: c.unit },
    { field: "contactName", label: "Contact name", text: c.contactName },
    { field: "contactRole", label: "Contact role", text: c.contactRole },
    { field: "contactEmail", label: "Contact email address", text: c.contactEmail },
    { field: "purpose", label: "Purpose", text: labelOf(PURPOSES, c.purpose) },
    { field: "tagIds", label: "Topics", text: v.tagIds.map((id) => tagLabels.get(id) ?? "").sort().join(", ") },
    { field: "targetGroups", label: "Aimed at", text: c.targetGroups.map((g) => labelOf(TARGET_GROUPS, g)).join(", ") },
    { field: "partners", label: "Partners", text: c.partners.map((p) => labelOf(PARTNERS, p)).join(", ") },
    { field: "scale", label: "Scale", text: labelOf(SCALES, c.scale) },
    { field: "startMonth", label: "Start date", text: date(c.startMonth, c.startYear) },
    { field: "endMonth", label: "End date", text: c.ongoing ? "Ongoing" : date(c.endMonth, c.endYear) },
    { field: "stage", label: "Stage", text: labelOf(STAGES, c.stage) },
    ...RICH_TEXT_SECTIONS.map((s) => ({ field: s.key, label: s.label, text: richTextToPlainText(c.sections[s.key]) })),
    { field: "costBand", label: "Cost band", text: labelOf(COST_BANDS, c.costBand) },
    { field: "evaluationMethod", label: "Evaluation", text: labelOf(EVALUATION_METHODS, c.evaluationMethod) },
    { field: "noSensitiveInfo", label: "No sensitive information", text: c.noSensitiveInfo ? "Confirmed" : "" },
    { field: "permissionToPublish", label: "Permission to publish", text: c.permissionToPublish ? "Confirmed" : "" },
  ];
}

function draftAsStored(d: EntryDraft) {
  const { title, summary, tagIds, bodyText: _b, summaryWords: _s, sectionWords: _w, ...content } = d;
  return { title, summary, tagIds, content: { ...emptyContent(), ...content } };
}

async function conflictView(current: RevisionView, draft: EntryDraft, userId: number): Promise<ConflictView> {
  const tagLabels = new Map((await listTags(getDb())).map((t) => [t.id, t.label]));
  const theirs = readable(current, tagLabels);
  const yours = readable(draftAsStored(draft), tagLabels);
  return {
    version: current.version,
    savedAt: formatUkDateTime(current.updatedAt),
    savedBy: current.updatedByName,
    byYou: current.updatedById === userId,
    theirs: defaultsFromStored(current),
    differences: theirs
      .map((t, i) => ({ field: t.field, label: t.label, theirs: t.text, yours: yours[i].text }))
      .filter((d) => d.theirs !== d.yours),
  };
}

/**
 * Validates and saves (or submits) a lead's entry from a form POST. The
 * server is the authority: the schema decides what is stored, fields a form
 * should not have (status, organisation, author) are dropped by it, and the
 * organisation comes from the signed-in user, never from the form.
 */
export async function saveEntryFromForm(
  form: URLSearchParams,
  user: SessionUser,
  entryId: number,
  intent: "save" | "submit",
): Promise<SaveOutcome> {
  const values = formToObject(form, ENTRY_ARRAY_FIELDS);
  const kept = values;
  const version = typeof values.version === "string" && /^\d{1,9}$/.test(values.version) ? Number(values.version) : NaN;
  if (!Number.isFinite(version)) {
    return { kind: "invalid", errors: { form: "This form is out of date. Copy anything you need, then reload the page." }, values: kept };
  }
  const parsed = parseWith(intent === "submit" ? entrySubmitSchema : entryDraftSchema, values);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors, values: kept };
  const db = getDb();
  if ((await unknownTagIds(db, parsed.data.tagIds)).length) {
    return { kind: "invalid", errors: { tagIds: "Choose topics from the list" }, values: kept };
  }
  const request_ = { entryId, organisationId: user.organisationId!, userId: user.id, baseVersion: version, draft: parsed.data };
  const result = intent === "submit" ? await submitForReview(db, request_) : await saveDraft(db, request_);
  if (result.ok) return intent === "submit" ? { kind: "submitted" } : { kind: "saved", version: result.version, savedAt: result.savedAt };
  switch (result.reason) {
    case "not_found":
      return { kind: "refused", status: 404, message: "This entry could not be found." };
    case "not_editable":
      // Not only "sent for review": a reviewer may have taken the entry down, or not accepted it.
      return { kind: "refused", status: 409, message: `This entry is ${STATUS_LABELS[result.status].toLowerCase()}, so it cannot be changed now.` };
    case "refused":
      return { kind: "refused", status: result.status, message: result.message };
    case "conflict":
      return { kind: "conflict", conflict: await conflictView(result.current, parsed.data, user.id), values: kept };
  }
}
