import { describe, expect, it } from "vitest";
import { formToObject } from "../../app/lib/form-values";
import { fieldErrorsFrom } from "../../app/lib/validation";
import { ENTRY_ARRAY_FIELDS, entryDraftSchema, entrySubmitSchema } from "../../app/schemas/practice-entry";
import { completeEntryForm, doc } from "../support/entries";

function asForm(values: Record<string, string | string[]>) {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  return formToObject(form, ENTRY_ARRAY_FIELDS);
}

function errorsOf(schema: typeof entryDraftSchema, values: Record<string, string | string[]>) {
  const result = schema.safeParse(asForm(values));
  return result.success ? {} : fieldErrorsFrom(result.error);
}

describe("practice entry schema", () => {
  it("accepts a complete entry for submission and normalises it", () => {
    const result = entrySubmitSchema.safeParse(asForm(completeEntryForm(3)));
    expect(result.success).toBe(true);
    const d = result.data!;
    expect(d.tagIds).toEqual([3]);
    expect(d.targetGroups).toEqual(["young_people", "residents"]);
    expect(d.ongoing).toBe(true);
    expect(d.endYear).toBe("");
    expect(d.sections.problem).toEqual(doc("Groups of teenagers gathered in the park every evening and residents reported ASB weekly."));
    expect(d.sections.mechanism).toBeNull();
    expect(d.bodyText).toContain("late-opening youth club");
  });

  it("lets a draft be saved nearly empty, but lists every missing answer at once on submission", () => {
    expect(errorsOf(entryDraftSchema, { title: "Just a title" })).toEqual({});
    const errors = errorsOf(entrySubmitSchema, { title: "Just a title" });
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining([
        "summary", "unit", "contactName", "contactRole", "contactEmail", "purpose", "tagIds", "targetGroups", "scale",
        "startMonth", "endMonth", "stage", "problem", "aim", "response", "implementation", "results", "learning",
        "costBand", "evaluationMethod", "noSensitiveInfo", "permissionToPublish",
      ]),
    );
    expect(errors.title).toBeUndefined();
    expect(errors.problem).toBe("Describe the problem");
  });

  it("keeps word limits and half-typed values out of the way of drafts, and enforces them on submission", () => {
    const long = { summary: Array.from({ length: 401 }, (_, i) => `word${i}`).join(" "), startMonth: "13", startYear: "2025", contactEmail: "sam@" };
    expect(errorsOf(entryDraftSchema, long)).toEqual({});
    const errors = errorsOf(entrySubmitSchema, { ...completeEntryForm(1), ...long, ongoing: "" });
    expect(errors.summary).toBe("Summary must be 400 words or fewer. It has 401 words");
    expect(errors.startMonth).toBe("Start date must be a real date");
    expect(errors.contactEmail).toMatch(/correct format/);
    expect(errors.endMonth).toBe("Enter the end date, or select that it is ongoing");
  });

  it("limits the rich-text sections to 4,000 words together", () => {
    const chunk = JSON.stringify(doc(Array.from({ length: 1100 }, () => "word").join(" ")));
    const errors = errorsOf(entrySubmitSchema, completeEntryForm(1, { problem: chunk, aim: chunk, response: chunk, results: chunk }));
    expect(Object.keys(errors)).toEqual(["problem"]);
    expect(errors.problem).toMatch(/^The sections together must be 4,000 words or fewer. They have 4,4\d\d words$/);
  });

  it("refuses an end date before the start date", () => {
    const errors = errorsOf(entrySubmitSchema, completeEntryForm(1, { ongoing: "", endMonth: "1", endYear: "2025" }));
    expect(errors).toEqual({ endMonth: "End date must be the same as or after the start date" });
  });

  it("refuses malformed or hostile input even in a draft, with messages a person understands", () => {
    const fields = errorsOf(entryDraftSchema, { title: "x".repeat(151), purpose: "world_domination", tagIds: ["1", "drop table"] });
    expect(fields).toEqual({
      title: "Title must be 150 characters or fewer",
      purpose: "Choose a purpose from the list",
      tagIds: "Choose from the list",
    });
    const errors = errorsOf(entryDraftSchema, {
      richTextFormat: "json",
      problem: "{not json",
      aim: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] }),
      response: JSON.stringify({ type: "doc", content: [{ type: "image", attrs: { src: "x" } }] }),
    });
    expect(errors.problem).toMatch(/^The problem: The text in this section could not be read/);
    expect(errors.aim).toMatch(/^Aim and intended outcome: A link in this section is not allowed/);
    expect(errors.response).toMatch(/formatting the editor does not support/);
  });

  it("drops fields a form should never carry (status, organisation, author)", () => {
    const result = entryDraftSchema.safeParse(asForm({ title: "T", status: "published", organisationId: "7", authorId: "1" } as never));
    expect(result.success).toBe(true);
    expect(Object.keys(result.data!)).not.toEqual(expect.arrayContaining(["status"]));
    expect(result.data).not.toHaveProperty("organisationId");
    expect(result.data).not.toHaveProperty("authorId");
  });

  it("turns plain text from the no-JavaScript form into paragraphs", () => {
    const result = entryDraftSchema.safeParse(asForm({ richTextFormat: "text", problem: "First paragraph.\n\nSecond <script>alert(1)</script>" }));
    expect(result.data!.sections.problem).toEqual(doc("First paragraph.", "Second <script>alert(1)</script>"));
  });
});
