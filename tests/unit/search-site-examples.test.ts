import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_SEARCH_EXAMPLE, HOME_SEARCH_EXAMPLES, SEARCH_PAGE_EXAMPLES } from "../../app/lib/search-examples";
import { search, setSearchCacheSize } from "../../app/models/search.server";
import { openDatabase, type DB } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";

// Every search the site offers as an example (the hints under the search
// boxes, the open data page's API example), and those the usability test
// tried, run over the demo case studies and the Week of Action talks: each
// must find what it means near the top.

let db: DB;
beforeAll(async () => {
  db = openDatabase(":memory:");
  await prepareDatabase(db, { demo: true });
  setSearchCacheSize(0);
});
afterAll(async () => {
  setSearchCacheSize(200);
  await db?.destroy();
});

/** What each example must find among its first three results. */
const EXPECTED: Record<string, RegExp> = {
  shoplifting: /GPS tags for prolific shoplifters|Operation STOP|Crawley business crime/,
  "youth anti-social behaviour": /Evening youth offer in Brookmead Rec|Operation Concur/,
  "GPS tags": /GPS tags for prolific shoplifters/,
  '"GPS tags"': /GPS tags for prolific shoplifters/,
  "teenagers causing ASB in the park": /Evening youth offer in Brookmead Rec/,
  "shop theft": /GPS tags for prolific shoplifters|Crawley business crime/,
  // What the usability test typed.
  "teenagers in the park": /Evening youth offer in Brookmead Rec/,
  "Op Concur": /Operation Concur/,
  "op stop": /Operation STOP/,
  escooter: /E-scooter seizures/,
  "e scooter": /E-scooter seizures/,
};

const SHOWN = [...new Set([...HOME_SEARCH_EXAMPLES, ...SEARCH_PAGE_EXAMPLES, API_SEARCH_EXAMPLE.q])];

describe("the site's own example searches", () => {
  it("has an expectation for every example the site shows", () => {
    for (const q of SHOWN) expect(EXPECTED[q], q).toBeDefined();
  });

  for (const q of Object.keys(EXPECTED)) {
    it(`finds what "${q}" means`, async () => {
      const r = await search(db, { q, ...(q === API_SEARCH_EXAMPLE.q ? { types: [API_SEARCH_EXAMPLE.type] } : {}) });
      const top = r.results.slice(0, 3).map((x) => x.title);
      expect(top.some((t) => EXPECTED[q].test(t)), `${q}: ${top.join(" | ")}`).toBe(true);
      expect(r.suggestion, q).toBeNull();
    });
  }

  it("puts the youth entry in the park first for the search page's own hint", async () => {
    const r = await search(db, { q: "teenagers causing ASB in the park" });
    expect(r.results[0].title).toMatch(/Evening youth offer in Brookmead Rec/);
    expect(r.partial).toBe(true);
  });
});
