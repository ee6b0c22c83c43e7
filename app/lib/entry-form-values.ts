import { RICH_TEXT_SECTIONS, type RichTextSectionKey } from "~/lib/practice-options";
import { plainTextToRichText } from "~/lib/rich-text/from-plain-text";
import type { RichTextDoc } from "~/lib/rich-text/types";
import { validateRichText } from "~/lib/rich-text/validate";
import type { EntryContent } from "~/models/practice.server";
import { missingForSubmission, type EntryDraft } from "~/schemas/practice-entry";

/** The form's groups, in page order: the progress indicator counts these. */
export const ENTRY_GROUPS = [
  { id: "about", title: "About the initiative", fields: ["title", "summary", "unit", "contactName", "contactRole", "contactEmail"] },
  { id: "classification", title: "What it is", fields: ["purpose", "tagIds", "targetGroups", "partners", "scale", "startMonth", "startYear", "endMonth", "endYear", "stage"] },
  { id: "what-you-did", title: "What you did", fields: ["problem", "aim", "response", "implementation"] },
  { id: "what-happened", title: "What happened", fields: ["results", "mechanism", "cost", "costBand", "learning"] },
  { id: "declaration", title: "Evaluation and declaration", fields: ["evaluationMethod", "noSensitiveInfo", "permissionToPublish"] },
] as const;

export type GroupId = (typeof ENTRY_GROUPS)[number]["id"];

export interface EntryFormDefaults {
  fields: Record<string, string | string[]>;
  docs: Record<RichTextSectionKey, RichTextDoc | null>;
}

/** Which groups have everything a submission needs. */
export function groupProgress(draft: EntryDraft): Record<GroupId, boolean> {
  const missing = new Set(missingForSubmission(draft).map((i) => i.path));
  return Object.fromEntries(ENTRY_GROUPS.map((g) => [g.id, !g.fields.some((f) => missing.has(f))])) as Record<GroupId, boolean>;
}

export function defaultsFromStored(
  revision: { title: string; summary: string; tagIds: number[]; content: EntryContent },
): EntryFormDefaults {
  const c = revision.content;
  return {
    fields: {
      title: revision.title,
      summary: revision.summary,
      unit: c.unit,
      contactName: c.contactName,
      contactRole: c.contactRole,
      contactEmail: c.contactEmail,
      purpose: c.purpose ?? "",
      tagIds: revision.tagIds.map(String),
      targetGroups: c.targetGroups,
      partners: c.partners,
      scale: c.scale ?? "",
      startMonth: c.startMonth,
      startYear: c.startYear,
      endMonth: c.endMonth,
      endYear: c.endYear,
      ongoing: c.ongoing ? "on" : "",
      stage: c.stage ?? "",
      evaluationMethod: c.evaluationMethod ?? "",
      costBand: c.costBand ?? "",
      noSensitiveInfo: c.noSensitiveInfo ? "on" : "",
      permissionToPublish: c.permissionToPublish ? "on" : "",
    },
    docs: c.sections,
  };
}

/**
 * The form as the person sent it, for showing it again after the server
 * refused it: nothing they typed is lost, even what failed validation.
 */
export function defaultsFromSubmitted(raw: Record<string, unknown>): EntryFormDefaults {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"))) fields[key] = value;
  }
  const docs = {} as Record<RichTextSectionKey, RichTextDoc | null>;
  for (const { key } of RICH_TEXT_SECTIONS) {
    const value = typeof raw[key] === "string" ? (raw[key] as string) : "";
    if (raw.richTextFormat === "json") {
      const checked = validateRichText(value);
      // Malformed editor JSON cannot be shown in the editor; its plain text can.
      docs[key] = checked.ok ? checked.doc : value ? plainTextToRichText(value.slice(0, 60_000)) : null;
    } else {
      docs[key] = value ? plainTextToRichText(value) : null;
    }
  }
  return { fields, docs };
}

/** A stored revision in the schema's output shape, to tell which groups are complete. */
export function draftFromStored(revision: { title: string; summary: string; tagIds: number[]; content: EntryContent }): EntryDraft {
  const words = Object.fromEntries(RICH_TEXT_SECTIONS.map((s) => [s.key, 0])) as Record<RichTextSectionKey, number>;
  return { ...revision.content, title: revision.title, summary: revision.summary, tagIds: revision.tagIds, bodyText: "", summaryWords: 0, sectionWords: words };
}
