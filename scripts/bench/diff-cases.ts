import { richTextToPlainText } from "../../app/lib/rich-text/render";
import { entryText } from "./entry-text";
import { Random } from "./random";

// Texts for measuring the review page's word diffs (scripts/bench/diff-cost.ts)
// and for testing their budget (tests/unit/word-diff.test.ts): what a lead
// sends back after "changes requested", and what an attacker sends.

export interface DiffCase {
  label: string;
  /** One pair per section: the last submission and this one. */
  sections: { before: string; after: string }[];
}

/** Prose of about `words` words in paragraphs, as the review page compares it (richTextToPlainText). */
export function prose(r: Random, words: number): string {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    for (const doc of Object.values(entryText(r).sections)) {
      for (const paragraph of richTextToPlainText(doc ?? null).split("\n\n")) {
        if (count >= words) break;
        paragraphs.push(paragraph);
        count += paragraph.split(/\s+/).length;
      }
    }
  }
  return paragraphs.join("\n\n");
}

/**
 * A thorough response to "changes requested": two paragraphs rewritten, one
 * added, one dropped, the figures updated in a few sentences and a word
 * changed here and there (about 1 in 100).
 */
export function revised(r: Random, text: string): string {
  const paragraphs = text.split("\n\n");
  const rewrite = new Set(r.sample([...paragraphs.keys()], Math.min(2, paragraphs.length)));
  const dropped = paragraphs.length > 3 ? r.int(0, paragraphs.length - 1) : -1;
  const out: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (i === dropped) return;
    if (rewrite.has(i)) {
      out.push(prose(r, paragraph.split(/\s+/).length));
      return;
    }
    const figures = r.chance(0.15);
    out.push(
      paragraph
        .split(" ")
        .map((word) => (figures && /^\d+$/.test(word) ? String(Number(word) + r.int(1, 9)) : r.chance(0.01) ? "revised" : word))
        .join(" "),
    );
    if (i === 2) out.push(prose(r, 80));
  });
  return out.join("\n\n");
}

/** A realistic revision of an entry at the word limit: 4,000 words over the eight sections. */
export function realisticCase(seed = 2026): DiffCase {
  const r = new Random(seed);
  const sections = Array.from({ length: 8 }, () => {
    const before = prose(r, 500);
    return { before, after: revised(r, before) };
  });
  return { label: "realistic revision of 4,000 words in 8 sections", sections };
}

/** The same revision in a single 4,000-word section. */
export function realisticSingleSection(seed = 2026): DiffCase {
  const r = new Random(seed);
  const before = prose(r, 4000);
  return { label: "realistic revision of one 4,000-word section", sections: [{ before, after: revised(r, before) }] };
}

const PUNCTUATION = "!\"#$%&'()*+,./:;<=>?@[]^_`{|}~-";

function punctuation(r: Random, length: number): string {
  return Array.from({ length }, () => PUNCTUATION[r.int(0, PUNCTUATION.length - 1)]).join("");
}

/** The attack: eight sections of about 52,000 characters of punctuation, resubmitted as different punctuation. */
export function hostileCase(seed = 9): DiffCase {
  const r = new Random(seed);
  const sections = Array.from({ length: 8 }, () => ({ before: punctuation(r, 52_000), after: punctuation(r, 52_000) }));
  return { label: "8 sections of 52,000 characters of punctuation, resubmitted different", sections };
}

/** A harder shape for the algorithm: long runs that match on many diagonals, broken every 50 characters. */
export function hostileRunsCase(): DiffCase {
  const before = ".".repeat(52_000);
  const after = `${".".repeat(49)},`.repeat(1040);
  return { label: "8 sections of 52,000 full stops, resubmitted with a comma every 50", sections: Array.from({ length: 8 }, () => ({ before, after })) };
}

/** Punctuation one mark a line: 26,000 short paragraphs a section, so the paragraph pass has the most to compare. */
export function hostileLinesCase(seed = 11): DiffCase {
  const r = new Random(seed);
  const lines = () => Array.from({ length: 26_000 }, () => PUNCTUATION[r.int(0, PUNCTUATION.length - 1)]).join("\n");
  return { label: "8 sections of 26,000 one-mark lines, resubmitted different", sections: Array.from({ length: 8 }, () => ({ before: lines(), after: lines() })) };
}
