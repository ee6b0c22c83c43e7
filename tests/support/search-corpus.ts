import { afterAll, beforeAll } from "vitest";
import type { DB } from "../../db/connection";
import { setSearchCacheSize } from "../../app/models/search.server";
import { memoryDatabase } from "./database";
import { doc } from "./entries";
import { actingUserByEmail, publishedEntry, tagIdOf } from "./entry-fixtures";
import { addUser } from "./users";

// A small fixed corpus for ranking tests: published entries whose only words
// are their title, summary and topic (every section says the same neutral
// sentence), in a fresh in-memory database, with the answer cache off so each
// search really runs.

const NEUTRAL = JSON.stringify(doc("Nothing more to add here."));

export interface SearchCorpus {
  db: DB;
  /** Publishes an entry and returns its slug. */
  entry(title: string, summary: string, tag?: string, sections?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

export async function searchCorpus(): Promise<SearchCorpus> {
  const db = await memoryDatabase();
  setSearchCacheSize(0);
  await addUser(db, "lead@kent.test", "force_lead", "kent-police");
  await addUser(db, "reviewer@college.test", "reviewer");
  const lead = await actingUserByEmail(db, "lead@kent.test");
  const reviewer = await actingUserByEmail(db, "reviewer@college.test");
  return {
    db,
    async entry(title, summary, tag = "youth", sections = {}) {
      const body = Object.fromEntries(["problem", "aim", "response", "implementation", "results", "learning"].map((s) => [s, sections[s] ? JSON.stringify(doc(sections[s])) : NEUTRAL]));
      return (await publishedEntry(db, lead, reviewer, await tagIdOf(db, tag), { title, summary, ...body })).slug;
    },
    async close() {
      setSearchCacheSize(200);
      await db.destroy();
    },
  };
}

/**
 * A corpus for one test file: made before its tests by `fill` (which records
 * slugs by name) and closed after them.
 */
export function searchCorpusFor(fill: (corpus: SearchCorpus, slugs: Record<string, string>) => Promise<void>) {
  let corpus: SearchCorpus | undefined;
  const slugs: Record<string, string> = {};
  beforeAll(async () => {
    corpus = await searchCorpus();
    await fill(corpus, slugs);
  });
  afterAll(async () => corpus?.close());
  return {
    slugs,
    get db(): DB {
      return corpus!.db;
    },
  };
}
