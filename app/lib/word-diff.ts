import { diffWords } from "diff";

// A word-level comparison of two plain texts, for reviewers to see what a
// lead changed between submissions. The result is data, not markup: pages
// render each part as text (React escapes it), wrapped in <ins> or <del>.

export type DiffPartKind = "same" | "added" | "removed";

export interface DiffPart {
  kind: DiffPartKind;
  text: string;
}

export interface WordDiff {
  parts: DiffPart[];
  /** Words (not punctuation or spaces) in the added and removed parts. */
  added: number;
  removed: number;
  changed: boolean;
}

/** Past this, working out the smallest change takes too long; the texts are shown as replaced. */
const DIFF_TIMEOUT_MS = 250;

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

export function wordDiff(before: string, after: string): WordDiff {
  const a = before.replace(/\r\n?/g, "\n");
  const b = after.replace(/\r\n?/g, "\n");
  let parts: DiffPart[];
  if (a === b) {
    parts = a ? [{ kind: "same", text: a }] : [];
  } else if (!a || !b) {
    parts = replaced(a, b);
  } else {
    const changes = diffWords(a, b, { timeout: DIFF_TIMEOUT_MS });
    parts = changes
      ? merged(changes.map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value })))
      : replaced(a, b);
  }
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === "added") added += wordsIn(p.text);
    if (p.kind === "removed") removed += wordsIn(p.text);
  }
  return { parts, added, removed, changed: parts.some((p) => p.kind !== "same") };
}

/** "3 words added, 1 word removed", for a summary line. */
export function describeChange(diff: Pick<WordDiff, "added" | "removed" | "changed">): string {
  if (!diff.changed) return "No changes";
  const words = (n: number) => `${n} word${n === 1 ? "" : "s"}`;
  const bits = [diff.added ? `${words(diff.added)} added` : null, diff.removed ? `${words(diff.removed)} removed` : null].filter(Boolean);
  // A change of punctuation or spacing only.
  return bits.length ? bits.join(", ") : "Punctuation or spacing changed";
}
