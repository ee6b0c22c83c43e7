import { describe, expect, it } from "vitest";
import raw from "../../db/data/week-of-action-2026.json";
import {
  copiedRuns, fingerprintOf, jsonText, normalisedWords, projectTexts, proseOf, readArticleFingerprint, SHINGLE_WORDS,
} from "../support/article-fingerprint";

// The College's article is not in the repository; its fingerprint is
// (scripts/article-fingerprint.ts). These tests check the checker with an
// invented article, then every text of the project against the real fingerprint.

const INVENTED_ARTICLE = `A made-up announcement

Published on 1 April 2026

Volunteers across the county will spend the spring counting hedgehogs in their neighbourhood parks.

Hedgehog counting at dusk

- Monday 6 April, 7pm to 8pm
- Dr Ann Example, Mammal Society

Anyone with a torch and a notebook is welcome, and the results will be shared with the [local council](#) in June.
`;

const PASTED = "Volunteers across the county will spend the spring counting hedgehogs in their neighbourhood parks.";

describe("the article fingerprint checker", () => {
  const invented = fingerprintOf(INVENTED_ARTICLE);

  it("keeps only hashes of the prose's runs of eight words, never the words", () => {
    expect(proseOf(INVENTED_ARTICLE).split("\n\n")).toEqual([
      PASTED,
      "Anyone with a torch and a notebook is welcome, and the results will be shared with the local council in June.",
    ]);
    const proseWords = proseOf(INVENTED_ARTICLE).split("\n\n").map((p) => normalisedWords(p).length);
    expect(invented.sha256.length).toBeGreaterThan(proseWords.reduce((a, b) => a + b) - 2 * SHINGLE_WORDS);
    for (const hash of invented.sha256) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(invented)).not.toMatch(/hedgehog|torch/i);
  });

  it("finds a sentence of the article pasted into the Week of Action data, whatever its case, punctuation or spacing", () => {
    expect(copiedRuns(jsonText(raw), invented)).toEqual([]);
    for (const pasted of [PASTED, PASTED.toUpperCase(), PASTED.replace(/ /g, "\n   ").replace(".", "!")]) {
      const copy = structuredClone(raw);
      copy.sessions[3].summary = `${copy.sessions[3].summary} ${pasted}`;
      expect(copiedRuns(jsonText(copy), invented).length, pasted).toBeGreaterThan(0);
    }
    // Eight words in a row are enough; seven are not.
    const words = PASTED.split(" ");
    expect(copiedRuns(`Our text: ${words.slice(2, 10).join(" ")} and more.`, invented)).toEqual([words.slice(2, 10).join(" ").toLowerCase()]);
    expect(copiedRuns(`Our text: ${words.slice(2, 9).join(" ")} and more.`, invented)).toEqual([]);
  });

  it("leaves out the article's headings, talk titles and speaker lines, which the data carries as facts", () => {
    expect(copiedRuns("Hedgehog counting at dusk, Monday 6 April, 7pm to 8pm, Dr Ann Example, Mammal Society", invented)).toEqual([]);
  });
});

describe("the project's texts", () => {
  it("have the real article's fingerprint to check against", () => {
    const real = readArticleFingerprint();
    expect(real.shingleWords).toBe(SHINGLE_WORDS);
    expect(real.sha256.length).toBeGreaterThan(300);
    for (const hash of real.sha256) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("copy no run of eight words of the article's prose: every db/data file and the README", () => {
    const texts = projectTexts();
    expect(texts.map((t) => t.file)).toEqual(expect.arrayContaining(["db/data/week-of-action-2026.json", "db/data/demo-practice.json", "README.md"]));
    for (const { file, text } of texts) expect(copiedRuns(text), file).toEqual([]);
  });
});
