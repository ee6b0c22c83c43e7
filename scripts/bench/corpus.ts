import type { Insertable, Kysely } from "kysely";
import { hashPassword } from "../../app/lib/password.server";
import { richTextToPlainText } from "../../app/lib/rich-text/render";
import { slugify } from "../../app/models/entry-workflow.server";
import { emptyContent, type EntryContent } from "../../app/models/practice.server";
import { RICH_TEXT_SECTIONS } from "../../app/lib/practice-options";
import type { Database, PracticeEntriesTable, PracticeRevisionsTable } from "../../db/schema";
import { entryText } from "./entry-text";
import { Random } from "./random";
import { EVIDENCE_SHARES } from "./vocabulary";

// A synthetic corpus of published practice entries, written straight into
// the tables the publish workflow fills (practice_entries, practice_revisions,
// practice_revision_tags, practice_entry_tags), in big transactions: going
// through the workflow would take hours at 100,000 entries and measure
// nothing search cares about. Expects the real migrations and the reference
// seed (organisations, tags, sessions); indexing is left to the caller
// (rebuildSearchIndex), exactly as at start-up.

export interface CorpusOptions {
  entries: number;
  seed: number;
  /** Called after each transaction with the number of entries written so far. */
  onProgress?: (written: number) => void;
}

export interface CorpusStats {
  entries: number;
  /** Average words per entry over title, summary and sections. */
  averageWords: number;
  entryTags: number;
}

const ENTRIES_PER_TRANSACTION = 5000;
// SQLite allows 32,766 bound values per statement; revisions have 10 columns.
const ROWS_PER_INSERT = 500;
const FIRST_PUBLISHED = Date.UTC(2018, 0, 1);
const LAST_PUBLISHED = Date.UTC(2026, 10, 1);

function evidence(r: Random) {
  let u = r.next();
  for (const e of EVIDENCE_SHARES) if ((u -= e.share) < 0) return e.value;
  return EVIDENCE_SHARES[0].value;
}

/** Published dates spread over the years, more of them recently, as a practice bank grows. */
function publishedAt(r: Random): string {
  const t = FIRST_PUBLISHED + Math.sqrt(r.next()) * (LAST_PUBLISHED - FIRST_PUBLISHED);
  return new Date(Math.floor(t / 1000) * 1000).toISOString();
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
}

/** One force lead per organisation, as the author of its entries. They never sign in. */
async function authors(db: Kysely<Database>, organisations: { id: number; slug: string }[]) {
  const passwordHash = await hashPassword(`bench-${Math.random()}`);
  await db
    .insertInto("users")
    .values(organisations.map((o) => ({ email: `bench.lead@${o.slug}.invalid`, name: `Bench lead ${o.slug}`, role: "force_lead", password_hash: passwordHash, organisation_id: o.id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const rows = await db.selectFrom("users").select(["id", "organisation_id"]).where("email", "like", "bench.lead@%").execute();
  return new Map(rows.map((u) => [u.organisation_id!, u.id]));
}

export async function generateCorpus(db: Kysely<Database>, { entries, seed, onProgress }: CorpusOptions): Promise<CorpusStats> {
  const r = new Random(seed);
  // Forces write up their work; partners and national units rarely do. Bigger
  // forces write more: a fixed shuffle gives each force its Zipf rank.
  const forces = r.shuffle(
    await db.selectFrom("organisations").select(["id", "slug"]).where("kind", "=", "territorial_force").orderBy("id").execute(),
  );
  const tags = await db.selectFrom("tags").select(["id", "slug"]).where("active", "=", 1).orderBy("id").execute();
  const tagId = new Map(tags.map((t) => [t.slug, t.id]));
  const popularTags = r.shuffle(tags.map((t) => t.id));
  const authorOf = await authors(db, forces);
  const start = (await db.selectFrom("practice_entries").select((eb) => eb.fn.max("id").as("max")).executeTakeFirst())?.max ?? 0;
  const startRevision = (await db.selectFrom("practice_revisions").select((eb) => eb.fn.max("id").as("max")).executeTakeFirst())?.max ?? 0;

  let words = 0;
  let entryTags = 0;
  for (let done = 0; done < entries; ) {
    const n = Math.min(ENTRIES_PER_TRANSACTION, entries - done);
    const entryRows: Insertable<PracticeEntriesTable>[] = [];
    const revisionRows: Insertable<PracticeRevisionsTable>[] = [];
    const tagRows: { entry: number; revision: number; tag: number }[] = [];
    for (let i = 0; i < n; i++) {
      const id = start + done + i + 1;
      const revisionId = startRevision + done + i + 1;
      const text = entryText(r);
      const organisationId = r.zipf(forces, 0.7).id;
      const when = publishedAt(r);
      const topic = tagId.get(text.topicTag);
      if (topic === undefined) throw new Error(`The corpus vocabulary names unknown tag ${text.topicTag}`);
      const entryTagIds = new Set([topic]);
      for (let k = r.int(0, 2); k > 0; k--) entryTagIds.add(r.zipf(popularTags));
      const sections = { ...emptyContent().sections, ...text.sections };
      const bodyText = RICH_TEXT_SECTIONS.map((s) => richTextToPlainText(sections[s.key])).filter(Boolean).join("\n\n");
      const content: EntryContent = { ...emptyContent(), unit: text.unit, sections, ongoing: true, permissionToPublish: true, noSensitiveInfo: true };
      words += `${text.title} ${text.summary} ${bodyText}`.split(/\s+/).length;
      entryRows.push({
        id, organisation_id: organisationId, created_by: authorOf.get(organisationId)!, status: "published",
        slug: `${slugify(text.title).slice(0, 70)}-${id}`, evidence_label: evidence(r),
        working_revision_id: revisionId, published_revision_id: revisionId,
        submitted_at: when, first_published_at: when, published_at: when, created_at: when, updated_at: when,
      });
      revisionRows.push({
        id: revisionId, entry_id: id, number: 1, title: text.title, summary: text.summary, content: JSON.stringify(content),
        body_text: bodyText, created_by: authorOf.get(organisationId)!, updated_by: authorOf.get(organisationId)!,
        created_at: when, updated_at: when, frozen_at: when,
      });
      for (const tag of entryTagIds) tagRows.push({ entry: id, revision: revisionId, tag });
    }
    await db.transaction().execute(async (trx) => {
      await insertInChunks(entryRows, (chunk) => trx.insertInto("practice_entries").values(chunk).execute());
      await insertInChunks(revisionRows, (chunk) => trx.insertInto("practice_revisions").values(chunk).execute());
      await insertInChunks(tagRows, (chunk) =>
        trx.insertInto("practice_revision_tags").values(chunk.map((t) => ({ revision_id: t.revision, tag_id: t.tag }))).execute());
      await insertInChunks(tagRows, (chunk) =>
        trx.insertInto("practice_entry_tags").values(chunk.map((t) => ({ entry_id: t.entry, tag_id: t.tag }))).execute());
    });
    done += n;
    entryTags += tagRows.length;
    onProgress?.(done);
  }
  return { entries, averageWords: entries ? Math.round(words / entries) : 0, entryTags };
}
