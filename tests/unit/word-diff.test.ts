import { describe, expect, it } from "vitest";
import { DIFF_BUDGET, describeChange, pageDiffBudget, wordDiff } from "../../app/lib/word-diff";
import { hostileCase, hostileLinesCase, hostileRunsCase, realisticCase, realisticSingleSection, type DiffCase } from "../../scripts/bench/diff-cases";

const text = (kind: string, parts: { kind: string; text: string }[]) =>
  parts
    .filter((p) => p.kind === kind)
    .map((p) => p.text)
    .join("|");

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const rebuilt = (parts: { kind: string; text: string }[], skip: string) => parts.filter((p) => p.kind !== skip).map((p) => p.text).join("");

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

  // jsdiff matches words whatever spacing follows them and keeps the new text's
  // spacing where words match, so the earlier text comes back word for word, not space for space.
  it("rebuilds the new text exactly from its parts, and the earlier one word for word", () => {
    const before = "The problem was\n\nteenagers in the park, every night.";
    const after = "The problem was young people\n\nin the park, most nights (and weekends).";
    const diff = wordDiff(before, after);
    expect(rebuilt(diff.parts, "removed")).toBe(after);
    expect(squash(rebuilt(diff.parts, "added"))).toBe(squash(before));
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
      tooMany: false,
      cost: 0,
    });
    expect(wordDiff("Old text", "").parts).toEqual([{ kind: "removed", text: "Old text" }]);
    expect(wordDiff("", "")).toEqual({ parts: [], added: 0, removed: 0, changed: false, tooMany: false, cost: 0 });
  });

  it("reports no change for identical text, or text differing only in line endings", () => {
    expect(wordDiff("Same\r\n\r\ntext", "Same\n\ntext")).toMatchObject({ changed: false, parts: [{ kind: "same", text: "Same\n\ntext" }] });
  });

  it("keeps markup-like text as plain text for the page to escape", () => {
    const diff = wordDiff("Safe", "Safe <script>alert(1)</script>");
    expect(text("added", diff.parts)).toContain("<script>alert(1)</script>");
    expect(diff.parts.map((p) => p.text).join("")).toBe("Safe <script>alert(1)</script>");
  });

  it("finds the words changed inside a paragraph among unchanged paragraphs", () => {
    const before = "First paragraph stays.\n\nReports fell from 120 to 80.\n\nLast paragraph stays.";
    const after = "First paragraph stays.\n\nReports fell from 120 to 60.\n\nA new paragraph.\n\nLast paragraph stays.";
    const diff = wordDiff(before, after);
    expect(text("removed", diff.parts)).toBe("80");
    expect(text("added", diff.parts)).toContain("60");
    expect(text("added", diff.parts)).toContain("A new paragraph.");
    expect(text("same", diff.parts)).toContain("First paragraph stays.");
    expect(diff.tooMany).toBe(false);
  });
});


/** Every section of a case compared on one page, as the review page does. */
function comparePage(c: DiffCase) {
  const page = pageDiffBudget();
  const diffs = c.sections.map(({ before, after }) => wordDiff(before, after, page));
  return { page, diffs, spent: diffs.reduce((sum, d) => sum + d.cost, 0) };
}

// The budget is work counted (tokens compared, characters split), never time:
// the same texts always give the same outcome, on any machine.
describe("the word-diff budget", () => {
  it("is not reached by a realistic revision of an entry at the 4,000-word limit", () => {
    for (const c of [realisticCase(), realisticSingleSection()]) {
      const { diffs, spent } = comparePage(c);
      for (const [i, diff] of diffs.entries()) {
        expect(diff.tooMany, `${c.label}, section ${i + 1}`).toBe(false);
        expect(diff.added + diff.removed).toBeGreaterThan(0);
        expect(squash(rebuilt(diff.parts, "added"))).toBe(squash(c.sections[i].before));
        expect(rebuilt(diff.parts, "removed")).toBe(c.sections[i].after);
        // Room to spare: a revision a little more thorough still fits.
        expect(diff.cost).toBeLessThan(DIFF_BUDGET.perComparison * 0.6);
      }
      expect(spent).toBeLessThan(DIFF_BUDGET.perPage * 0.6);
      expect(c.sections.map((s) => s.before.split(/\s+/).length).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(4000);
    }
  });

  it("stops the attack of eight sections of 52,000 punctuation marks: too many changes, and the page's spending capped", () => {
    for (const c of [hostileCase(), hostileRunsCase(), hostileLinesCase()]) {
      const { page, diffs, spent } = comparePage(c);
      for (const [i, diff] of diffs.entries()) {
        expect(diff.tooMany, `${c.label}, section ${i + 1}`).toBe(true);
        expect(diff.cost).toBeLessThanOrEqual(DIFF_BUDGET.perComparison);
        // Both texts are still there whole, for the page to show side by side.
        expect(diff.parts).toEqual([
          { kind: "removed", text: c.sections[i].before },
          { kind: "added", text: c.sections[i].after },
        ]);
        expect(describeChange(diff)).toBe("Too many changes to show word by word");
      }
      expect(spent).toBeLessThanOrEqual(DIFF_BUDGET.perPage);
      expect(page.remaining).toBeGreaterThanOrEqual(0);
      // Once the page's budget is spent, the rest of the page costs nothing more.
      expect(diffs.at(-1)!.cost).toBe(0);
    }
  });

  it("shares one budget across a page: after a costly comparison, a small change later on the page is still shown when budget is left, not when none is", () => {
    const hostile = hostileCase().sections[0];
    const page = pageDiffBudget();
    const first = wordDiff(hostile.before, hostile.after, page);
    expect(first.tooMany).toBe(true);
    expect(first.cost).toBeLessThanOrEqual(DIFF_BUDGET.perComparison);
    expect(page.remaining).toBe(DIFF_BUDGET.perPage - first.cost);
    const small = wordDiff("Reports fell to 80.", "Reports fell to 60.", page);
    expect(small.tooMany).toBe(false);
    expect(text("added", small.parts)).toBe("60");

    const spent = pageDiffBudget(0);
    const starved = wordDiff("Reports fell to 80.", "Reports fell to 60.", spent);
    expect(starved).toMatchObject({ tooMany: true, changed: true, cost: 0 });
    // Unchanged text needs no budget.
    expect(wordDiff("Same", "Same", spent)).toMatchObject({ tooMany: false, changed: false });
  });
});
