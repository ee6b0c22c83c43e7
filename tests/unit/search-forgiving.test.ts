import { describe, expect, it } from "vitest";
import { minimumHeld, partsHeld, rankByPartsHeld } from "../../app/models/search/forgiving";
import { parseSearchQuery } from "../../app/lib/search-query";
import { search } from "../../app/models/search.server";
import { searchCorpusFor } from "../support/search-corpus";

// Forgiving matching over a small fixed corpus: when no entry holds every
// word, entries holding most of them are shown, most words first, then by
// relevance; when some entry holds them all, only those are shown.

const corpus = searchCorpusFor(async (c, slugs) => {
  slugs.three = await c.entry("Heron watch on the quayside", "Volunteers watch the quayside for herons with lanterns.");
  slugs.twoTitle = await c.entry("Heron lanterns", "A plan for the harbour wall.", "shop-theft");
  slugs.twoBody = await c.entry("A harbour plan", "Lanterns and a heron mural by the harbour wall.");
  slugs.one = await c.entry("Quayside cleaning", "Sweeping the harbour wall every week.");
});
const slugs = corpus.slugs;

const practice = (r: Awaited<ReturnType<typeof search>>) => r.results.filter((x) => x.type === "practice").map((x) => x.slug);

describe("forgiving matching", () => {
  it("shows only the entries holding every word when there are any, and says nothing", async () => {
    const r = await search(corpus.db, { q: "heron lanterns quayside" });
    expect(r.partial).toBe(false);
    expect(practice(r)).toEqual([slugs.three]);
  });

  it("falls back to entries holding most of the words, most words first, then the more relevant", async () => {
    // Nobody holds "walrus": three hold heron, lantern and quayside (3 of 4), two hold two, one holds one (below half).
    const r = await search(corpus.db, { q: "heron lanterns quayside walrus" });
    expect(r.partial).toBe(true);
    expect(practice(r)).toEqual([slugs.three, slugs.twoTitle, slugs.twoBody]);
    expect(r.total).toBe(3);
    // The extract highlights the words that did match.
    expect(r.results[0].snippet).toContain("<mark>");
  });

  it("counts a word and its synonyms as one word", async () => {
    // "young people" is the youth tag's synonym, so "youth" entries' topics hold it.
    const r = await search(corpus.db, { q: "young people heron walrus" });
    expect(r.partial).toBe(true);
    expect(practice(r)).toEqual(expect.arrayContaining([slugs.three, slugs.twoBody]));
    expect(practice(r)).not.toContain(slugs.twoTitle);
  });

  it("leaves out little words such as 'in' and 'the', so they neither narrow nor rescue a search", async () => {
    expect(parseSearchQuery("teenagers in the park").parts.map((p) => (p.kind === "term" ? p.word : p.words.join(" ")))).toEqual(["teenagers", "park"]);
    // In quotes they count, and a query of only little words still searches them.
    expect(parseSearchQuery('"in the park"').parts).toHaveLength(1);
    expect(parseSearchQuery("the ").parts).toHaveLength(1);
    const r = await search(corpus.db, { q: "heron in the walrus" });
    expect(r.partial).toBe(true);
    expect(practice(r).sort()).toEqual([slugs.three, slugs.twoTitle, slugs.twoBody].sort());
  });

  it("applies the filters and their counts to the fallback results", async () => {
    const r = await search(corpus.db, { q: "heron lanterns quayside walrus", tags: ["shop-theft"] });
    expect(r.partial).toBe(true);
    expect(practice(r)).toEqual([slugs.twoTitle]);
    expect(r.facets.tag.find((t) => t.value === "youth")?.count).toBe(2);
  });

  it("finds nothing, and says no more, when no entry holds even half the words", async () => {
    const r = await search(corpus.db, { q: "walrus narwhal sweeping" });
    expect(r.total).toBe(0);
    expect(r.partial).toBe(false);
  });
});

describe("the forgiving policy", () => {
  it("needs at least half of the parts", () => {
    expect([1, 2, 3, 4, 5].map(minimumHeld)).toEqual([1, 1, 2, 2, 3]);
    expect(partsHeld([[1, 2, 3], [2, 3, 3], [3], [9]])).toEqual(new Map([[1, 1], [2, 2], [3, 3]].filter(([, n]) => n >= 2) as [number, number][]));
  });

  it("ranks by parts held, then score (lower is better), then the newer id", () => {
    const held = new Map([[1, 2], [2, 3], [3, 2], [4, 2]]);
    const score = new Map([[1, -5], [2, -1], [3, -5], [4, -9]]);
    expect(rankByPartsHeld(held, score, [1, 2, 3, 4])).toEqual([2, 4, 3, 1]);
  });
});
