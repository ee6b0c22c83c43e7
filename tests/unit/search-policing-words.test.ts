import { describe, expect, it } from "vitest";
import list from "../../db/data/policing-words.json";
import { words } from "../../app/lib/search-query";
import { search } from "../../app/models/search.server";
import { searchCorpusFor } from "../support/search-corpus";

// The words of policing (db/data/policing-words.json) are read the same way
// in what is indexed and in what is searched: whichever spelling an entry
// uses, any of the others finds it.

const corpus = searchCorpusFor(async (c, slugs) => {
  slugs.op = await c.entry("Op Lighthouse on the seafront", "A summer operation by the neighbourhood team.");
  slugs.operation = await c.entry("Operation Kestrel", "Patrols by PCSOs along the ring road.");
  slugs.scooter = await c.entry("E-scooter riders on the promenade", "Warnings, then seizures.");
  slugs.cctv = await c.entry("Closed-circuit television in the underpass", "Cameras and better lighting.");
});
const slugs = corpus.slugs;

const found = async (q: string) => (await search(corpus.db, { q })).results.filter((r) => r.type === "practice").map((r) => r.slug);

describe("the words of policing", () => {
  it("reads Op and Operation as one word, in the query and in the entries", async () => {
    expect(await found("operation lighthouse ")).toEqual([slugs.op]);
    expect(await found("op kestrel ")).toEqual([slugs.operation]);
    expect(await found("Op Lighthouse ")).toEqual([slugs.op]);
  });

  it("finds e-scooter however it is written", async () => {
    for (const q of ["escooter ", "e-scooter ", "e scooter ", "escooters ", "E-Scooters "]) expect(await found(q), q).toEqual([slugs.scooter]);
  });

  it("reads abbreviations and their words alike", async () => {
    expect(await found("cctv underpass ")).toEqual([slugs.cctv]);
    expect(await found("police community support officers ring road ")).toEqual([slugs.operation]);
  });
});

describe("the list file", () => {
  it("holds groups of at least two spellings, each spelling in one group only, and known terms", () => {
    const seen = new Map<string, number>();
    list.sameThing.forEach((group, g) => {
      expect(group.length, group.join(", ")).toBeGreaterThanOrEqual(2);
      for (const phrase of group) {
        const key = words(phrase).join(" ");
        expect(key, phrase).not.toBe("");
        expect(seen.get(key) ?? g, `${phrase} is in two groups`).toBe(g);
        seen.set(key, g);
      }
    });
    for (const term of ["operation", "op", "pcso", "asb", "cctv", "escooter", "e scooter"]) expect(seen.has(term), term).toBe(true);
    expect(list.knownTerms).toEqual(expect.arrayContaining(["hate crime", "night owl"]));
  });
});
