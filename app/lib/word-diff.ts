import { diffArrays, wordDiff as jsdiffWords } from "diff";

// A word-level comparison of two plain texts, for reviewers to see what a
// lead changed between submissions. The result is data, not markup: pages
// render each part as text (React escapes it), wrapped in <ins> or <del>.
//
// The work is bounded (docs/decisions/0050-word-diff-budget.md). Finding the
// smallest change costs about (tokens) x (edits), so a lead who fills
// sections with tens of thousands of punctuation marks could otherwise make
// every load of the review page spend seconds of CPU. The texts are first
// compared paragraph by paragraph, and only the paragraphs that changed are
// compared word by word; every token compared and every character split into
// tokens is paid for from a budget per comparison and a budget per page.
// Past it, the comparison says "too many changes to show word by word" and
// the page shows both texts whole.

export type DiffPartKind = "same" | "added" | "removed";

export interface DiffPart {
  kind: DiffPartKind;
  text: string;
}

export interface WordDiff {
  /** Without `tooMany`, the word-level changes; with it, the whole old text removed and the whole new text added. */
  parts: DiffPart[];
  /** Words (not punctuation or spaces) in the added and removed parts. */
  added: number;
  removed: number;
  changed: boolean;
  /** The budget ran out before the changes were found word by word. */
  tooMany: boolean;
  /** Work units spent, out of the comparison's allowance. */
  cost: number;
}

/**
 * Work units: one per pair of tokens (or paragraphs) compared, and one per
 * four characters split into tokens (splitting costs about a quarter as much
 * per character as comparing costs per token). Measured by
 * scripts/bench/diff-cost.ts: see docs/benchmarks.md.
 */
export const DIFF_BUDGET = {
  /** One comparison (a part of the entry, against one earlier version). */
  perComparison: 60_000,
  /** Every comparison on one page together. */
  perPage: 150_000,
};

const CHARS_PER_UNIT = 4;

/** What a page has left to spend on word diffs; one per page load. */
export interface DiffBudget {
  remaining: number;
}

export function pageDiffBudget(units = DIFF_BUDGET.perPage): DiffBudget {
  return { remaining: units };
}

class OverBudget extends Error {}

class Meter {
  spent = 0;
  constructor(private readonly allowance: number) {}
  /** Called before the work it pays for, which is then not done if it would go over. */
  spend(units: number) {
    if (this.spent + units > this.allowance) throw new OverBudget();
    this.spent += units;
  }
  /** Edits beyond this cannot be reached within the allowance (edit length d costs about d²/2 comparisons). */
  maxEditLength() {
    return Math.ceil(Math.sqrt(2 * Math.max(0, this.allowance - this.spent))) + 1;
  }
}

function wordsIn(text: string): number {
  return text.match(/[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*/gu)?.length ?? 0;
}

function replaced(before: string, after: string): DiffPart[] {
  return [
    ...(before ? [{ kind: "removed" as const, text: before }] : []),
    ...(after ? [{ kind: "added" as const, text: after }] : []),
  ];
}

/** Joins neighbouring parts of the same kind, so the page shows one <ins> per run of added words. */
function merged(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/** Each line with its line break, so joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** jsdiff's word diff, with each token comparison paid for. */
function meteredWordDiff(meter: Meter) {
  return Object.create(jsdiffWords, {
    equals: {
      value(left: string, right: string, options: object) {
        meter.spend(1);
        return jsdiffWords.equals(left, right, options);
      },
    },
  }) as typeof jsdiffWords;
}

function wordParts(before: string, after: string, meter: Meter): DiffPart[] {
  meter.spend(Math.ceil((before.length + after.length) / CHARS_PER_UNIT));
  // jsdiff matches words whatever spacing follows them and keeps the new
  // text's; the line breaks the two texts end with in common stay outside, exact.
  const end = Math.min(/\s*$/.exec(before)![0].length, /\s*$/.exec(after)![0].length);
  const tail = after.slice(after.length - end);
  const common = before.endsWith(tail) ? tail : "";
  const changes = meteredWordDiff(meter).diff(before.slice(0, before.length - common.length), after.slice(0, after.length - common.length), {
    maxEditLength: meter.maxEditLength(),
  });
  if (!changes) throw new OverBudget();
  const parts: DiffPart[] = changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
  return common ? [...parts, { kind: "same", text: common }] : parts;
}

/** Paragraphs first; then words, only where paragraphs were removed and others added in their place. */
function changedParts(before: string, after: string, meter: Meter): DiffPart[] {
  meter.spend(Math.ceil((before.length + after.length) / CHARS_PER_UNIT));
  const lines = diffArrays(linesOf(before), linesOf(after), {
    comparator: (left: string, right: string) => {
      meter.spend(1);
      return left === right;
    },
    maxEditLength: meter.maxEditLength(),
  });
  if (!lines) throw new OverBudget();
  const parts: DiffPart[] = [];
  for (let i = 0; i < lines.length; i++) {
    const change = lines[i];
    const text = change.value.join("");
    const next = lines[i + 1];
    if ((change.removed && next?.added) || (change.added && next?.removed)) {
      const other = next.value.join("");
      parts.push(...(change.removed ? wordParts(text, other, meter) : wordParts(other, text, meter)));
      i++;
    } else {
      parts.push({ kind: change.added ? "added" : change.removed ? "removed" : "same", text });
    }
  }
  return parts;
}

/**
 * Compares two texts within `min(DIFF_BUDGET.perComparison, page.remaining)`
 * units and takes what it spent from `page`. Without a page budget, the
 * comparison has its own allowance only.
 */
export function wordDiff(before: string, after: string, page: DiffBudget = pageDiffBudget()): WordDiff {
  const a = before.replace(/\r\n?/g, "\n");
  const b = after.replace(/\r\n?/g, "\n");
  const meter = new Meter(Math.min(DIFF_BUDGET.perComparison, Math.max(0, page.remaining)));
  let parts: DiffPart[];
  let tooMany = false;
  if (a === b) {
    parts = a ? [{ kind: "same", text: a }] : [];
  } else if (!a || !b) {
    parts = replaced(a, b);
  } else {
    try {
      parts = merged(changedParts(a, b, meter));
    } catch (error) {
      if (!(error instanceof OverBudget)) throw error;
      parts = replaced(a, b);
      tooMany = true;
    }
  }
  page.remaining -= meter.spent;
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === "added") added += wordsIn(p.text);
    if (p.kind === "removed") removed += wordsIn(p.text);
  }
  return { parts, added, removed, changed: parts.some((p) => p.kind !== "same"), tooMany, cost: meter.spent };
}

/** "3 words added, 1 word removed", for a summary line. */
export function describeChange(diff: Pick<WordDiff, "added" | "removed" | "changed" | "tooMany">): string {
  if (!diff.changed) return "No changes";
  if (diff.tooMany) return "Too many changes to show word by word";
  const words = (n: number) => `${n} word${n === 1 ? "" : "s"}`;
  const bits = [diff.added ? `${words(diff.added)} added` : null, diff.removed ? `${words(diff.removed)} removed` : null].filter(Boolean);
  // A change of punctuation or spacing only.
  return bits.length ? bits.join(", ") : "Punctuation or spacing changed";
}
