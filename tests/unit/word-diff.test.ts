import { describe, expect, it } from "vitest";
import { describeChange, wordDiff } from "../../app/lib/word-diff";

const text = (kind: string, parts: { kind: string; text: string }[]) =>
  parts
    .filter((p) => p.kind === kind)
    .map((p) => p.text)
    .join("|");

describe("wordDiff", () => {
  it("marks replaced words as one removal and one addition, keeping the words around them", () => {
    const diff = wordDiff("Reports fell from 120 to 80 in six months.", "Reports fell from 120 to 60 in six months.");
    expect(diff.parts).toEqual([
      { kind: "same", text: "Reports fell from 120 to " },
      { kind: "removed", text: "80" },
      { kind: "added", text: "60" },
      { kind: "same", text: " in six months." },
    ]);
    expect(diff).toMatchObject({ added: 1, removed: 1, changed: true });
  });

  it("rebuilds both texts exactly from its parts", () => {
    const before = "The problem was\n\nteenagers in the park, every night.";
    const after = "The problem was young people\n\nin the park, most nights (and weekends).";
    const diff = wordDiff(before, after);
    const rebuild = (skip: string) => diff.parts.filter((p) => p.kind !== skip).map((p) => p.text).join("");
    expect(rebuild("added")).toBe(before);
    expect(rebuild("removed")).toBe(after);
  });

  it("counts words, not punctuation or spaces", () => {
    const diff = wordDiff("One two.", "One two three, four!");
    expect(text("added", diff.parts)).toContain("three");
    expect(diff.added).toBe(2);
    expect(diff.removed).toBe(0);
    expect(describeChange(diff)).toBe("2 words added");
    expect(describeChange(wordDiff("It's here.", "It's here!"))).toBe("Punctuation or spacing changed");
    expect(describeChange(wordDiff("a", "a"))).toBe("No changes");
    expect(describeChange(wordDiff("a b", "a"))).toBe("1 word removed");
  });

  it("treats text that appeared or disappeared entirely as one addition or removal", () => {
    expect(wordDiff("", "New section text.")).toEqual({
      parts: [{ kind: "added", text: "New section text." }],
      added: 3,
      removed: 0,
      changed: true,
    });
    expect(wordDiff("Old text", "").parts).toEqual([{ kind: "removed", text: "Old text" }]);
    expect(wordDiff("", "")).toEqual({ parts: [], added: 0, removed: 0, changed: false });
  });

  it("reports no change for identical text, or text differing only in line endings", () => {
    expect(wordDiff("Same\r\n\r\ntext", "Same\n\ntext")).toMatchObject({ changed: false, parts: [{ kind: "same", text: "Same\n\ntext" }] });
  });

  it("keeps markup-like text as plain text for the page to escape", () => {
    const diff = wordDiff("Safe", "Safe <script>alert(1)</script>");
    expect(text("added", diff.parts)).toContain("<script>alert(1)</script>");
    expect(diff.parts.map((p) => p.text).join("")).toBe("Safe <script>alert(1)</script>");
  });

  it("copes with long texts", () => {
    const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `w${(i * seed) % 997}`).join(" ");
    const started = Date.now();
    const diff = wordDiff(words(4000, 7), words(4000, 13));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(diff.changed).toBe(true);
    const rebuild = (skip: string) => diff.parts.filter((p) => p.kind !== skip).map((p) => p.text).join("");
    expect(rebuild("added")).toBe(words(4000, 7));
    expect(rebuild("removed")).toBe(words(4000, 13));
  });
});
