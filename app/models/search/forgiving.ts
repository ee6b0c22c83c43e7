// Forgiving matching, independent of the search engine. When no document
// holds every part of a query (a word, a quoted phrase, or a word with its
// synonyms), search falls back to the documents that hold most of them:
// ranked first by how many parts they hold, then by the engine's relevance.
// The engine only says which documents hold each part and how relevant each
// candidate is; the policy lives here so every engine applies the same one.

/** Fewer parts than this and there is nothing to be forgiving about: one word either matches or not. */
export const MIN_PARTS_TO_FORGIVE = 2;

/** How many of `parts` a document must hold to be shown at all when none holds them all: at least half. */
export function minimumHeld(parts: number): number {
  return Math.max(1, Math.ceil(parts / 2));
}

/**
 * For each document holding at least `minimumHeld` of the parts, how many it
 * holds. `hitsByPart` lists, for each part, the documents holding it.
 */
export function partsHeld(hitsByPart: readonly ArrayLike<number>[]): Map<number, number> {
  const held = new Map<number, number>();
  for (const hits of hitsByPart) {
    // A document listed twice for one part still holds it once.
    const seen = new Set<number>();
    for (let i = 0; i < hits.length; i++) {
      const id = hits[i];
      if (seen.has(id)) continue;
      seen.add(id);
      held.set(id, (held.get(id) ?? 0) + 1);
    }
  }
  const min = minimumHeld(hitsByPart.length);
  for (const [id, n] of held) if (n < min) held.delete(id);
  return held;
}

/**
 * Candidates in ranking order: most parts held first, then relevance (lower
 * score is better, as with BM25 in SQLite), then the newest indexed (higher id).
 */
export function rankByPartsHeld(held: ReadonlyMap<number, number>, score: ReadonlyMap<number, number>, ids: ArrayLike<number>): number[] {
  const list = Array.from(ids);
  const s = (id: number) => score.get(id) ?? 0;
  return list.sort((a, b) => (held.get(b) ?? 0) - (held.get(a) ?? 0) || s(a) - s(b) || b - a);
}
