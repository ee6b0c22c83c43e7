import { editDistance, maxEditsFor } from "~/lib/search-query";

// "Did you mean", the policy, whatever the engine: which typed words may be
// respelt, which respelling to prefer, and when to offer it at all. The
// engine supplies the words of its index near a typed word and the counts.

/**
 * The typed words that are part of a known phrase ("hate crime", "night
 * owl"): a phrase is respelt as a whole or not at all, so none of its words
 * is changed on its own ("hate" is not "have" in "hate crime").
 */
export function wordsInKnownPhrases(typed: readonly string[], phrases: readonly (readonly string[])[]): Set<number> {
  const out = new Set<number>();
  for (const phrase of phrases) {
    if (phrase.length < 2) continue;
    for (let at = 0; at + phrase.length <= typed.length; at++) {
      if (phrase.every((w, k) => typed[at + k] === w)) for (let k = 0; k < phrase.length; k++) out.add(at + k);
    }
  }
  return out;
}

export interface Candidate {
  term: string;
  /** Documents holding the word; 0 for a domain word the index does not hold. */
  docs: number;
}

/**
 * The respelling a person would accept: the fewest edits, where a word of
 * the trade or the topic list counts half an edit nearer and a word found in
 * a single document half an edit further (a rare word is more often a slip
 * or a name than what was meant); ties go to the commoner word. `maxEdits`
 * can only tighten what the word's length allows.
 */
export function bestCorrection(word: string, candidates: readonly Candidate[], domain: ReadonlySet<string>, maxEdits = Infinity): string | null {
  const max = Math.min(maxEditsFor(word), maxEdits);
  if (max === 0) return null;
  let best: { term: string; docs: number; cost: number } | null = null;
  for (const c of candidates) {
    if (c.term === word || /\d/.test(c.term)) continue;
    const distance = editDistance(word, c.term, max);
    if (distance > max) continue;
    const cost = distance + (domain.has(c.term) ? -0.5 : c.docs <= 1 ? 0.5 : 0);
    if (!best || cost < best.cost || (cost === best.cost && (c.docs > best.docs || (c.docs === best.docs && c.term < best.term)))) {
      best = { term: c.term, docs: c.docs, cost };
    }
  }
  return best?.term ?? null;
}

/**
 * How far a respelling may go. When the query already shows results (those
 * holding most of its words), an unknown word is as likely a real word the
 * index lacks ("causing") as a slip, so only one edit is allowed.
 */
export function editsAllowed(shown: number): number {
  return shown > 0 ? 1 : Infinity;
}

/** Whether to offer a respelt query: only when more results hold every one of its words than the query's own. */
export function worthSuggesting(correctedAllWords: number, query: { allWords: number }): boolean {
  return correctedAllWords > query.allWords;
}
