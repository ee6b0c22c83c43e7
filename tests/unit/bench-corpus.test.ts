import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { ensureSearchIndex, rebuildSearchIndex, search } from "../../app/models/search.server";
import { generateCorpus, type CorpusStats } from "../../scripts/bench/corpus";
import { QuerySource } from "../../scripts/bench/queries";
import { Random } from "../../scripts/bench/random";
import { memoryDatabase } from "../support/database";

// The benchmark's corpus generator (npm run bench) at a tiny size: it must
// write what the publish workflow would, be searchable, and be the same for
// the same seed, or the benchmark measures something else than it says.

const ENTRIES = 200;

async function corpus(seed: number): Promise<{ db: DB; stats: CorpusStats }> {
  const db = await memoryDatabase();
  const stats = await generateCorpus(db, { entries: ENTRIES, seed });
  await rebuildSearchIndex(db);
  return { db, stats };
}

async function snapshot(db: DB) {
  return sql<{ slug: string; title: string; summary: string; body_text: string; evidence_label: string; published_at: string; tags: string }>`
    select e.slug, r.title, r.summary, r.body_text, e.evidence_label, e.published_at,
      (select group_concat(tag_id, ',' order by tag_id) from practice_entry_tags where entry_id = e.id) as tags
    from practice_entries e join practice_revisions r on r.id = e.published_revision_id
    order by e.id`.execute(db);
}

let db: DB;
let stats: CorpusStats;

beforeAll(async () => {
  ({ db, stats } = await corpus(7));
});

describe("benchmark corpus", () => {
  it("writes published entries the way publishing does: a frozen published revision, slug, evidence label, curated tags", async () => {
    expect(stats.entries).toBe(ENTRIES);
    const entries = await db.selectFrom("practice_entries as e")
      .innerJoin("practice_revisions as r", "r.id", "e.published_revision_id")
      .select(["e.id", "e.status", "e.slug", "e.evidence_label", "e.published_at", "e.working_revision_id", "r.entry_id", "r.frozen_at", "r.title", "r.summary", "r.body_text", "r.content"])
      .execute();
    expect(entries).toHaveLength(ENTRIES);
    expect(new Set(entries.map((e) => e.slug)).size).toBe(ENTRIES);
    for (const e of entries) {
      expect(e.status).toBe("published");
      expect(e.entry_id).toBe(e.id);
      expect(e.working_revision_id).not.toBeNull();
      expect(e.frozen_at).not.toBeNull();
      expect(e.slug).toMatch(/^[a-z0-9-]+$/);
      expect(["worked", "promising", "untested", "did_not_work"]).toContain(e.evidence_label);
      expect(e.published_at! >= "2018-01-01" && e.published_at! < "2026-12-01").toBe(true);
      expect(e.title.length).toBeGreaterThan(10);
      expect(e.summary.split(" ").length).toBeGreaterThan(10);
      // The body is the plain text of the rich-text sections stored in content.
      const content = JSON.parse(e.content) as { sections: Record<string, unknown>; unit: string };
      expect(content.sections.problem).toMatchObject({ type: "doc" });
      expect(e.body_text).toContain("\n\n");
      expect(content.unit).not.toBe("");
    }
    expect(stats.averageWords).toBeGreaterThan(200);

    const perEntry = await sql<{ n: number }>`select count(*) as n from practice_entry_tags group by entry_id`.execute(db);
    expect(perEntry.rows).toHaveLength(ENTRIES);
    expect(perEntry.rows.every((r) => r.n >= 1 && r.n <= 3)).toBe(true);
    const revisionTags = await sql<{ n: number }>`select count(*) as n from practice_revision_tags`.execute(db);
    expect(revisionTags.rows[0].n).toBe(stats.entryTags);
  });

  it("is indexed like real data: every entry and the seeded sessions, found by its own words", async () => {
    expect(await ensureSearchIndex(db)).toBe(false);
    const documents = await sql<{ kind: string; n: number }>`select kind, count(*) as n from search_documents group by kind order by kind`.execute(db);
    expect(documents.rows).toEqual([{ kind: "practice", n: ENTRIES }, { kind: "session", n: 12 }]);

    const entry = await db.selectFrom("practice_entries as e").innerJoin("practice_revisions as r", "r.id", "e.published_revision_id")
      .select(["e.slug", "r.title"]).where("e.id", "=", 17).executeTakeFirstOrThrow();
    const found = await search(db, { q: `"${entry.title}"` });
    expect(found.results.map((r) => r.url)).toContain(`/practice/${entry.slug}`);
  });

  it("has a few words in nearly every entry and a long tail of words in one or two", async () => {
    const terms = await db.selectFrom("search_terms").select(["term", "docs"]).orderBy("docs", "desc").execute();
    expect(terms[0].docs).toBeGreaterThanOrEqual(ENTRIES * 0.9);
    expect(terms.filter((t) => t.docs <= 2).length).toBeGreaterThan(terms.length / 3);
  });

  it("gives the same corpus for the same seed and a different one for another seed", async () => {
    const same = await corpus(7);
    const other = await corpus(8);
    expect((await snapshot(same.db)).rows).toEqual((await snapshot(db)).rows);
    expect((await snapshot(other.db)).rows).not.toEqual((await snapshot(db)).rows);
  });

  it("draws benchmark queries that match the corpus", async () => {
    const kinds = await (await QuerySource.open(db, new Random(1))).kinds(5, ENTRIES);
    expect(kinds.map((k) => k.key)).toEqual(["rare", "common", "two", "phrase", "prefix", "very-common", "faceted", "filters", "deep"]);
    for (const kind of kinds.filter((k) => ["rare", "common", "two", "phrase", "prefix", "very-common"].includes(k.key))) {
      expect(kind.queries).toHaveLength(5);
      for (const q of kind.queries) expect((await search(db, q)).total, `${kind.key}: ${q.q}`).toBeGreaterThan(0);
    }
  });
});
