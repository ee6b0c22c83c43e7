import { formToObject } from "../../app/lib/form-values";
import { ENTRY_ARRAY_FIELDS, entrySubmitSchema, type EntryDraft } from "../../app/schemas/practice-entry";
import type { RichTextDoc } from "../../app/lib/rich-text/types";

export function doc(...paragraphs: string[]): RichTextDoc {
  return { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}

/** A complete entry as the browser form sends it (editor JSON for rich text). */
export function completeEntryForm(tagId: number, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const section = (text: string) => JSON.stringify(doc(text));
  return {
    richTextFormat: "json",
    title: "Operation Quiet Streets",
    summary: "Youth workers and PCSOs cut anti-social behaviour in a town-centre park by a third in six months.",
    unit: "Crawley neighbourhood team",
    contactName: "Sam Patel",
    contactRole: "Neighbourhood Inspector",
    contactEmail: "sam.patel@sussex.police.example",
    purpose: "prevention",
    tagIds: [String(tagId)],
    targetGroups: ["young_people", "residents"],
    partners: ["local_authority"],
    scale: "neighbourhood",
    startMonth: "3",
    startYear: "2025",
    ongoing: "on",
    stage: "evaluated",
    problem: section("Groups of teenagers gathered in the park every evening and residents reported ASB weekly."),
    aim: section("Halve reports of anti-social behaviour in the park within a year."),
    response: section("Joint patrols with detached youth workers and a late-opening youth club."),
    implementation: section("Two PCSOs and one youth worker, three evenings a week."),
    results: section("Reports fell from 120 to 80 in six months."),
    learning: section("Start the youth club before the summer holidays."),
    costBand: "under_10k",
    evaluationMethod: "before_after",
    noSensitiveInfo: "on",
    permissionToPublish: "on",
    ...overrides,
  };
}

/** Form values as the browser would post them, parsed by the real entry schema. */
export function parseEntryForm(values: Record<string, string | string[]>, schema: typeof entrySubmitSchema = entrySubmitSchema): EntryDraft {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  return schema.parse(formToObject(form, ENTRY_ARRAY_FIELDS));
}
