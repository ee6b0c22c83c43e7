import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { parseSearchQuery } from "../../app/lib/search-query";
import { rebuildSearchIndex } from "../../app/models/search.server";
import { pageRows } from "../../app/models/search/sqlite.server";
import { generateCorpus } from "../../scripts/bench/corpus";
import { memoryDatabase } from "../support/database";

// A page of results reads its extracts from the index for the page's ids
// only. FTS5 ignores a rowid constraint compared with a REAL value (as
// better-sqlite3 binds a JS number) and returns every match instead: found by
// `npm run bench`, where one-result pages of a common word took seconds.

let db: DB;

beforeAll(async () => {
  db = await memoryDatabase();
  await generateCorpus(db, { entries: 100, seed: 3 });
  await rebuildSearchIndex(db);
});

afterAll(() => db.destroy());

async function pageCount(query: string, ids: number[]) {
  const parsed = parseSearchQuery(query);
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from search_fts where search_fts match ${parsed.match} and ${pageRows(parsed, ids)}`.execute(db);
  return rows[0].n;
}

describe("the rows of a results page", () => {
  it("are only the page's ids, also when the page has a single id", async () => {
    const { rows } = await sql<{ id: number }>`select rowid as id from search_fts where search_fts match 'the' order by rowid limit 3`.execute(db);
    const ids = rows.map((r) => r.id);
    expect(ids).toHaveLength(3);
    expect(await pageCount("the ", [ids[0]])).toBe(1);
    expect(await pageCount("the ", ids)).toBe(3);
    // A prefix takes the other path (one pass over the matches).
    expect(await pageCount("the", [ids[0]])).toBe(1);
  });
});
