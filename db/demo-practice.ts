import { writeTransaction } from "./transaction";
import { z } from "zod";
import type { DB } from "./connection";
import raw from "./data/demo-practice.json";
import { formToObject } from "../app/lib/form-values";
import { EVIDENCE_LABELS, RICH_TEXT_SECTIONS, values } from "../app/lib/practice-options";
import { plainTextToRichText } from "../app/lib/rich-text/from-plain-text";
import { applyTransition, type ActingUser } from "../app/models/entry-workflow.server";
import { createDraftEntry, submitForReview } from "../app/models/practice.server";
import { indexPracticeEntry } from "../app/models/search.server";
import { ENTRY_ARRAY_FIELDS, entrySubmitSchema, type EntryDraft } from "../app/schemas/practice-entry";

// The invented case studies demo mode publishes, so that someone trying the
// public search finds practice as well as the week's sessions.
//
// Each one goes through the same model functions as the app: a lead creates a
// draft and submits a form parsed by the real entry schema (which freezes the
// revision), then a reviewer publishes it with an evidence label and tags (which
// sets the slug and indexes it). Only then are the entry's own dates moved back
// to the publication date in the data file, and the search document with them.
// The workflow events keep the time they were really written: the audit trail
// is append-only (a trigger refuses updates), and stays so.
//
// The notifications and emails those steps produce are deleted again: they
// would tell the demo users about work nobody did, and send mail about it.

const sectionKeys = RICH_TEXT_SECTIONS.map((s) => s.key) as [string, ...string[]];
const paragraphs = z.array(z.string().min(1)).min(1);

const demoEntrySchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  /** An organisation slug from organisations.json. */
  organisation: z.string().min(1),
  /** The email of a force lead in DEMO_ACCOUNTS, in that organisation. */
  author: z.email(),
  /** The email of a reviewer in DEMO_ACCOUNTS. */
  publishedBy: z.email(),
  /** When it was (first) published, as an ISO instant. */
  publishedAt: z.iso.datetime(),
  evidenceLabel: z.enum(values(EVIDENCE_LABELS)),
  /** Tag slugs from tags.json: chosen by the lead and kept by the reviewer. */
  tags: z.array(z.string().min(1)).min(1),
  form: z.object({
    unit: z.string(),
    contactName: z.string(),
    contactRole: z.string(),
    contactEmail: z.string(),
    purpose: z.string(),
    targetGroups: z.array(z.string()),
    partners: z.array(z.string()),
    scale: z.string(),
    startMonth: z.string(),
    startYear: z.string(),
    endMonth: z.string(),
    endYear: z.string(),
    ongoing: z.boolean(),
    stage: z.string(),
    evaluationMethod: z.string(),
    costBand: z.string(),
  }),
  /** Each rich-text section as its paragraphs. */
  sections: z.partialRecord(z.enum(sectionKeys), paragraphs),
});

export type DemoEntry = z.infer<typeof demoEntrySchema>;

/** The demo case studies, oldest first; refuses a file with repeated titles. */
export function loadDemoPractice(data: unknown = raw): DemoEntry[] {
  const entries = z.object({ entries: z.array(demoEntrySchema) }).parse(data).entries;
  const titles = new Set(entries.map((e) => e.title));
  if (titles.size !== entries.length) throw new Error("demo-practice.json: every case study needs its own title");
  return [...entries].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
}

/**
 * The entry as the browser form posts it (editor JSON for the sections),
 * parsed by the schema that submitting for review uses.
 */
export function demoEntryDraft(entry: DemoEntry, tagIds: number[]): EntryDraft {
  const form = new URLSearchParams({ richTextFormat: "json", title: entry.title, summary: entry.summary });
  for (const [key, value] of Object.entries(entry.form)) {
    if (Array.isArray(value)) for (const item of value) form.append(key, item);
    else if (typeof value === "boolean") {
      if (value) form.append(key, "on");
    } else form.append(key, value);
  }
  for (const id of tagIds) form.append("tagIds", String(id));
  for (const [key, text] of Object.entries(entry.sections)) {
    form.append(key, JSON.stringify(plainTextToRichText(text!.join("\n\n"))));
  }
  form.append("noSensitiveInfo", "on");
  form.append("permissionToPublish", "on");
  const parsed = entrySubmitSchema.safeParse(formToObject(form, ENTRY_ARRAY_FIELDS));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Demo case study "${entry.title}" is not a complete entry: ${problems}`);
  }
  return parsed.data;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * DAY_MS).toISOString();

/**
 * Publishes the demo case studies that are not there yet, keyed by title: an
 * entry with that title in any state (edited since, or taken down by a
 * reviewer) counts as there and is left as it is. When all are there, this is
 * one query.
 */
export async function seedDemoPractice(db: DB, entries: DemoEntry[] = loadDemoPractice()): Promise<number[]> {
  if (entries.length === 0) return [];
  const present = new Set(
    (
      await db
        .selectFrom("practice_revisions")
        .select("title")
        .distinct()
        .where("title", "in", entries.map((e) => e.title))
        .execute()
    ).map((r) => r.title),
  );
  const missing = entries.filter((e) => !present.has(e.title));
  if (missing.length === 0) return [];

  const emails = [...new Set(missing.flatMap((e) => [e.author, e.publishedBy]))];
  const users = new Map(
    (
      await db.selectFrom("users").select(["id", "name", "email", "role", "organisation_id"]).where("email", "in", emails).execute()
    ).map((u) => [u.email, u]),
  );
  const orgIds = new Map((await db.selectFrom("organisations").select(["id", "slug"]).execute()).map((o) => [o.slug, o.id]));
  const tagIds = new Map((await db.selectFrom("tags").select(["id", "slug"]).execute()).map((t) => [t.slug, t.id]));

  const created: number[] = [];
  for (const entry of missing) {
    const where = `Demo case study "${entry.title}"`;
    const organisationId = orgIds.get(entry.organisation);
    if (!organisationId) throw new Error(`${where} names unknown organisation ${entry.organisation}`);
    const author = users.get(entry.author);
    if (!author || author.role !== "force_lead" || author.organisation_id !== organisationId) {
      throw new Error(`${where} needs ${entry.author} to be a demo force lead in ${entry.organisation}`);
    }
    const publisher = users.get(entry.publishedBy);
    if (!publisher || publisher.role !== "reviewer") throw new Error(`${where} needs ${entry.publishedBy} to be a demo reviewer`);
    const tags = entry.tags.map((slug) => {
      const id = tagIds.get(slug);
      if (!id) throw new Error(`${where} names unknown tag ${slug}`);
      return id;
    });
    const draft = demoEntryDraft(entry, tags);

    const entryId = await createDraftEntry(db, { id: author.id, organisationId });
    const submitted = await submitForReview(db, { entryId, organisationId, userId: author.id, baseVersion: 1, draft });
    if (!submitted.ok) throw new Error(`${where} could not be submitted: ${JSON.stringify(submitted)}`);
    const { state_version } = await db.selectFrom("practice_entries").select("state_version").where("id", "=", entryId).executeTakeFirstOrThrow();
    const reviewer: ActingUser = { id: publisher.id, name: publisher.name, role: "reviewer", organisationId: null };
    const published = await applyTransition(db, {
      entryId, action: "publish", actor: reviewer, expectedStateVersion: state_version, evidenceLabel: entry.evidenceLabel, tagIds: tags,
    });
    if (!published.ok) throw new Error(`${where} could not be published: ${published.message}`);

    await writeTransaction(db, async (trx) => {
      await trx
        .updateTable("practice_entries")
        .set({
          created_at: daysBefore(entry.publishedAt, 23),
          submitted_at: daysBefore(entry.publishedAt, 9),
          first_published_at: entry.publishedAt,
          published_at: entry.publishedAt,
          updated_at: entry.publishedAt,
        })
        .where("id", "=", entryId)
        .execute();
      // The search document carries the publication date (sort order, "newest first").
      await indexPracticeEntry(trx, entryId);
      const events = trx.selectFrom("workflow_events").select("id").where("entry_id", "=", entryId);
      const notifications = trx.selectFrom("notifications").select("id").where("workflow_event_id", "in", events);
      await trx.deleteFrom("email_outbox").where("notification_id", "in", notifications).execute();
      await trx.deleteFrom("notifications").where("workflow_event_id", "in", events).execute();
    });
    created.push(entryId);
  }
  return created;
}
