import { z } from "zod";
import {
  COST_BANDS, EVALUATION_METHODS, PARTNERS, PURPOSES, RICH_TEXT_SECTIONS, SCALES, SECTIONS_WORD_LIMIT, STAGES,
  SUMMARY_WORD_LIMIT, TARGET_GROUPS, values, type RichTextSectionKey,
} from "~/lib/practice-options";
import { plainTextToRichText } from "~/lib/rich-text/from-plain-text";
import type { RichTextDoc } from "~/lib/rich-text/types";
import { validateRichText } from "~/lib/rich-text/validate";
import { countWords } from "~/lib/rich-text/words";
import { checkbox, checkboxGroup, idList } from "./fields";

// One schema for the practice entry form, used as-is by the browser (before
// anything is sent) and by the server (which decides). A draft may be
// incomplete: `entryDraftSchema` only refuses what is malformed or too long.
// Submitting for review applies `entrySubmitSchema`, which also requires
// everything a reviewer needs.

export const ENTRY_ARRAY_FIELDS = ["tagIds", "targetGroups", "partners"] as const;

/** The order fields appear on the page, so the error summary lists them the same way. */
export const ENTRY_FIELD_ORDER = [
  "title", "summary", "unit", "contactName", "contactRole", "contactEmail",
  "purpose", "tagIds", "targetGroups", "partners", "scale", "startMonth", "startYear", "endMonth", "endYear", "ongoing", "stage",
  ...RICH_TEXT_SECTIONS.map((s) => s.key),
  "costBand", "evaluationMethod", "noSensitiveInfo", "permissionToPublish",
] as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .max(max * 4, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`);

const choice = <T extends readonly { value: string }[]>(options: T, label: string) =>
  z
    .union([z.enum(values(options)), z.literal("")], { error: `Choose ${label} from the list` })
    .optional()
    .transform((v) => (v ? v : null));

const digits = (label: string) =>
  z
    .string()
    .trim()
    .max(8, `${label} must be a number`)
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => v === "" || /^\d+$/.test(v), `${label} must be a number`);

// Rich text arrives as the editor's JSON (JavaScript on) or as plain text from
// a textarea (JavaScript off); which one is said by the form's richTextFormat.
const richTextInput = z
  .string()
  .max(4_000_000, "This section is too long")
  .optional()
  .transform((v) => v ?? "");

const rawEntry = z.object({
  title: text("Title", 150),
  summary: text("Summary", 4000),
  unit: text("Unit or neighbourhood", 150),
  contactName: text("Contact name", 100),
  contactRole: text("Contact role", 100),
  contactEmail: text("Contact email address", 254),
  purpose: choice(PURPOSES, "a purpose"),
  tagIds: idList,
  targetGroups: checkboxGroup(z.enum(values(TARGET_GROUPS), { error: "Choose who it was aimed at from the list" })),
  partners: checkboxGroup(z.enum(values(PARTNERS), { error: "Choose partners from the list" })),
  scale: choice(SCALES, "a scale"),
  startMonth: digits("Start month"),
  startYear: digits("Start year"),
  endMonth: digits("End month"),
  endYear: digits("End year"),
  ongoing: checkbox,
  stage: choice(STAGES, "a stage"),
  evaluationMethod: choice(EVALUATION_METHODS, "an evaluation method"),
  costBand: choice(COST_BANDS, "a cost band"),
  richTextFormat: z.enum(["json", "text"]).optional().transform((v) => v ?? "text"),
  problem: richTextInput,
  aim: richTextInput,
  response: richTextInput,
  implementation: richTextInput,
  results: richTextInput,
  mechanism: richTextInput,
  cost: richTextInput,
  learning: richTextInput,
  noSensitiveInfo: checkbox,
  permissionToPublish: checkbox,
});

type Raw = z.infer<typeof rawEntry>;

export interface EntryDraft {
  title: string;
  summary: string;
  unit: string;
  contactName: string;
  contactRole: string;
  contactEmail: string;
  purpose: string | null;
  tagIds: number[];
  targetGroups: string[];
  partners: string[];
  scale: string | null;
  /** Month and year as typed (digits); checked as a real date on submission. */
  startMonth: string;
  startYear: string;
  endMonth: string;
  endYear: string;
  ongoing: boolean;
  stage: string | null;
  evaluationMethod: string | null;
  costBand: string | null;
  sections: Record<RichTextSectionKey, RichTextDoc | null>;
  /** Plain text of the sections, for search and diffs. */
  bodyText: string;
  summaryWords: number;
  sectionWords: Record<RichTextSectionKey, number>;
  noSensitiveInfo: boolean;
  permissionToPublish: boolean;
}

type Issue = { path: string; message: string };

function checkMonthYear(prefix: "start" | "end", label: string, monthRaw: string, yearRaw: string, issues: Issue[]) {
  if (!monthRaw && !yearRaw) return null;
  const month = Number(monthRaw);
  const year = Number(yearRaw);
  if (!monthRaw) issues.push({ path: `${prefix}Month`, message: `${label} must include a month` });
  else if (!yearRaw) issues.push({ path: `${prefix}Year`, message: `${label} must include a year` });
  else if (month < 1 || month > 12) issues.push({ path: `${prefix}Month`, message: `${label} must be a real date` });
  else if (yearRaw.length !== 4 || year < 1990 || year > 2100) {
    issues.push({ path: `${prefix}Year`, message: `${label} year must be 4 numbers, like 2025` });
  } else return year * 12 + month;
  return null;
}

// Only what makes a draft unsafe or unreadable stops it being saved; limits a
// person may be in the middle of fixing (word counts, a half-typed date or
// email address) are checked when they submit, so autosave never refuses work.
function completenessIssues(d: EntryDraft): Issue[] {
  const issues: Issue[] = [];
  const totalWords = Object.values(d.sectionWords).reduce((a, b) => a + b, 0);
  if (totalWords > SECTIONS_WORD_LIMIT) {
    const longest = RICH_TEXT_SECTIONS.reduce((a, b) => (d.sectionWords[b.key] > d.sectionWords[a.key] ? b : a));
    issues.push({
      path: longest.key,
      message: `The sections together must be ${SECTIONS_WORD_LIMIT.toLocaleString("en-GB")} words or fewer. They have ${totalWords.toLocaleString("en-GB")} words`,
    });
  }
  if (d.summaryWords > SUMMARY_WORD_LIMIT) {
    issues.push({ path: "summary", message: `Summary must be ${SUMMARY_WORD_LIMIT} words or fewer. It has ${d.summaryWords} words` });
  }
  if (d.contactEmail && !z.email().safeParse(d.contactEmail).success) {
    issues.push({ path: "contactEmail", message: "Enter the contact email address in the correct format, like name@example.police.uk" });
  }
  const start = checkMonthYear("start", "Start date", d.startMonth, d.startYear, issues);
  const end = d.ongoing ? null : checkMonthYear("end", "End date", d.endMonth, d.endYear, issues);
  if (start && end && end < start) issues.push({ path: "endMonth", message: "End date must be the same as or after the start date" });
  return issues;
}

function toDraft(raw: Raw, issues: Issue[]): EntryDraft {
  const sections = {} as Record<RichTextSectionKey, RichTextDoc | null>;
  const sectionWords = {} as Record<RichTextSectionKey, number>;
  const texts: string[] = [];
  for (const { key, label } of RICH_TEXT_SECTIONS) {
    const input = raw[key];
    const result = raw.richTextFormat === "json" ? validateRichText(input) : validateRichText(plainTextToRichText(input));
    if (!result.ok) {
      issues.push({ path: key, message: `${label}: ${result.message}` });
      sections[key] = null;
      sectionWords[key] = 0;
      continue;
    }
    sections[key] = result.words > 0 ? result.doc : null;
    sectionWords[key] = result.words;
    if (result.text) texts.push(result.text);
  }
  const summaryWords = countWords(raw.summary);
  return {
    title: raw.title,
    summary: raw.summary,
    unit: raw.unit,
    contactName: raw.contactName,
    contactRole: raw.contactRole,
    contactEmail: raw.contactEmail.toLowerCase(),
    purpose: raw.purpose,
    tagIds: raw.tagIds,
    targetGroups: [...new Set(raw.targetGroups)],
    partners: [...new Set(raw.partners)],
    scale: raw.scale,
    startMonth: raw.startMonth,
    startYear: raw.startYear,
    endMonth: raw.ongoing ? "" : raw.endMonth,
    endYear: raw.ongoing ? "" : raw.endYear,
    ongoing: raw.ongoing,
    stage: raw.stage,
    evaluationMethod: raw.evaluationMethod,
    costBand: raw.costBand,
    sections,
    bodyText: texts.join("\n\n"),
    summaryWords,
    sectionWords,
    noSensitiveInfo: raw.noSensitiveInfo,
    permissionToPublish: raw.permissionToPublish,
  };
}

function entrySchema(complete: boolean) {
  return rawEntry.transform((raw, ctx) => {
    const issues: Issue[] = [];
    const draft = toDraft(raw, issues);
    // Every problem at once: a malformed field's own message wins over "missing".
    if (complete) {
      issues.push(...completenessIssues(draft));
      const flagged = new Set(issues.map((i) => i.path));
      issues.push(...missingForSubmission(draft).filter((i) => !flagged.has(i.path)));
    }
    for (const issue of issues) ctx.issues.push({ code: "custom", message: issue.message, path: [issue.path], input: raw });
    return draft;
  });
}

export const entryDraftSchema = entrySchema(false);

export function missingForSubmission(d: EntryDraft): Issue[] {
  const issues: Issue[] = [];
  const need = (ok: unknown, path: string, message: string) => {
    if (!ok) issues.push({ path, message });
  };
  need(d.title, "title", "Enter a title");
  need(d.summary, "summary", "Enter a summary");
  need(d.unit, "unit", "Enter the unit or neighbourhood");
  need(d.contactName, "contactName", "Enter the contact's name");
  need(d.contactRole, "contactRole", "Enter the contact's role");
  need(d.contactEmail, "contactEmail", "Enter the contact's work email address");
  need(d.purpose, "purpose", "Select the main purpose");
  need(d.tagIds.length, "tagIds", "Select at least one topic");
  need(d.targetGroups.length, "targetGroups", "Select who it was aimed at");
  need(d.scale, "scale", "Select the scale");
  need(d.startYear, "startMonth", "Enter the start date");
  need(d.ongoing || d.endYear, "endMonth", "Enter the end date, or select that it is ongoing");
  need(d.stage, "stage", "Select the stage it has reached");
  for (const s of RICH_TEXT_SECTIONS) {
    if (s.required) need(d.sections[s.key], s.key, s.missing);
  }
  need(d.costBand, "costBand", "Select the cost band");
  need(d.evaluationMethod, "evaluationMethod", "Select how you evaluated it");
  need(d.noSensitiveInfo, "noSensitiveInfo", "Confirm that the entry holds no sensitive or personal information");
  need(d.permissionToPublish, "permissionToPublish", "Confirm that you have permission to publish this entry");
  return issues;
}

/** Everything a reviewer needs, checked when a lead submits for review. */
export const entrySubmitSchema = entrySchema(true);
