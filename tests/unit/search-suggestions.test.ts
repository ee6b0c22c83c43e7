import { describe, expect, it } from "vitest";
import { search } from "../../app/models/search.server";
import { bestCorrection, editsAllowed, wordsInKnownPhrases, worthSuggesting } from "../../app/models/search/suggestions";
import { searchCorpusFor } from "../support/search-corpus";

// "Did you mean" offers what a person would accept. The corpus holds the
// near neighbours the usability test was offered (done, have, kits, own) so
// that only the policy stops them.

const corpus = searchCorpusFor(async (c, slugs) => {
  slugs.done = await c.entry("Job done on the Eastfield estate", "Residents and police cleared the alleys before closing them.");
  slugs.have = await c.entry("We have a plan for crime on the ring road", "Police and the council on the ring road.");
  slugs.kits = await c.entry("First aid kits in every patrol car", "Bleed kits for police officers.");
  slugs.own = await c.entry("Our own night patrols on the Eastfield estate", "Volunteers walk with police at night.");
  slugs.police = await c.entry("Police surgeries on the Eastfield estate", "A police officer in the library every week.");
});

const suggestion = async (q: string) => (await search(corpus.db, { q })).suggestion;

describe("did you mean", () => {
  it("leaves words of the trade alone, even when the index holds a near word", async () => {
    expect(await suggestion("drones ")).toBeNull();
    expect(await suggestion("kids ")).toBeNull();
  });

  it("treats known phrases as units: hate crime is not have crime, night owl is not night own", async () => {
    expect(await suggestion("hate crime ")).toBeNull();
    expect(await suggestion("night owl ")).toBeNull();
  });

  it("never replaces a correctly spelt word that the index holds", async () => {
    expect(await suggestion("kits ")).toBeNull();
    expect(await suggestion("polce kits ")).toBe("police kits");
  });

  it("offers a respelling only when it finds more results holding every word", async () => {
    expect(await suggestion("polce ")).toBe("police");
    expect(await suggestion("polce eastfield ")).toBe("police eastfield");
    // No entry holds both "library" and "patrol", so "patorl library" is left alone.
    expect(await suggestion("patorl library ")).toBeNull();
  });

  it("allows only one edit when the query already shows results that hold most of its words", async () => {
    // "closing" is two edits from "causing": a real word the index lacks, not a slip.
    expect(await suggestion("causing police eastfield estate ")).toBeNull();
  });
});

describe("the suggestion policy", () => {
  it("finds the words of known phrases in what was typed", () => {
    expect(wordsInKnownPhrases(["tackling", "hate", "crime", "online"], [["hate", "crime"], ["online"]])).toEqual(new Set([1, 2]));
    expect(wordsInKnownPhrases(["hate"], [["hate", "crime"]])).toEqual(new Set());
  });

  it("prefers the nearest word, a domain word over a plain one, and a common word over a rare one", () => {
    const domain = new Set(["pcso"]);
    expect(bestCorrection("shoplifitng", [{ term: "shoplifting", docs: 3 }, { term: "shoplifters", docs: 9 }], domain)).toBe("shoplifting");
    // "pcos" is one edit from "pcso" (a transposition) and from "pros": the domain word wins.
    expect(bestCorrection("pcos", [{ term: "pros", docs: 20 }, { term: "pcso", docs: 0 }], domain)).toBe("pcso");
    // Equally near, a word in one document loses to a commoner one.
    expect(bestCorrection("patrok", [{ term: "patrol", docs: 1 }, { term: "patron", docs: 5 }], new Set())).toBe("patron");
    expect(bestCorrection("sh", [{ term: "sha", docs: 9 }], domain)).toBeNull();
    expect(bestCorrection("ab1", [{ term: "ab2", docs: 1 }], domain)).toBeNull();
    expect(bestCorrection("closing", [{ term: "causing", docs: 9 }], domain, editsAllowed(5))).toBeNull();
  });

  it("offers a respelling only when it finds more", () => {
    expect(worthSuggesting(2, { allWords: 0 })).toBe(true);
    expect(worthSuggesting(2, { allWords: 2 })).toBe(false);
  });
});
