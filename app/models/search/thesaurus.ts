import { words, type QueryPart } from "~/lib/search-query";

// The thesaurus of topics, as search uses it, whatever the engine. A query
// that names a topic (its label or one of its synonyms) also finds what is
// about the topics that one is a kind of: "knife crime" widens to serious
// violence. The engine lists the direct matches first and the widened ones
// after them, and the page names the broader topics.

export interface Topic {
  slug: string;
  label: string;
}

export interface Thesaurus {
  /** A tag's phrases (label and synonyms, as words joined by spaces) to the tags they name. */
  tagsByPhrase: Map<string, number[]>;
  /** A tag's broader (active) tags. */
  broader: Map<number, number[]>;
  /** Each tag's phrases as word lists, and its slug and label. */
  tags: Map<number, Topic & { phrases: string[][] }>;
}

export function buildThesaurus(
  tags: readonly (Topic & { id: number; active: boolean; phrases: readonly string[] })[],
  broaderLinks: readonly { tagId: number; broaderId: number }[],
): Thesaurus {
  const out: Thesaurus = { tagsByPhrase: new Map(), broader: new Map(), tags: new Map() };
  const active = new Set(tags.filter((t) => t.active).map((t) => t.id));
  for (const t of tags) {
    const phrases = t.phrases.map((p) => words(p)).filter((w) => w.length > 0);
    out.tags.set(t.id, { slug: t.slug, label: t.label, phrases });
    for (const p of phrases) {
      const key = p.join(" ");
      out.tagsByPhrase.set(key, [...new Set([...(out.tagsByPhrase.get(key) ?? []), t.id])]);
    }
  }
  for (const { tagId, broaderId } of broaderLinks) {
    if (!active.has(broaderId)) continue;
    out.broader.set(tagId, [...(out.broader.get(tagId) ?? []), broaderId]);
  }
  return out;
}

/**
 * The query with each part that names a topic widened to also match its
 * broader topics, and those topics; null when no part names a topic that
 * has a broader one.
 */
export function widenToBroader(parts: readonly QueryPart[], thesaurus: Thesaurus): { parts: QueryPart[]; topics: Topic[] } | null {
  const topics = new Map<number, Topic>();
  const widened = parts.map((part): QueryPart => {
    if (part.kind === "phrase") return part;
    const typed = part.kind === "term" ? [part.word] : part.words;
    const broaderIds = (thesaurus.tagsByPhrase.get(typed.join(" ")) ?? []).flatMap((id) => thesaurus.broader.get(id) ?? []);
    if (broaderIds.length === 0) return part;
    const alternatives = part.kind === "term" ? [[part.word]] : [...part.alternatives];
    for (const id of broaderIds) {
      const tag = thesaurus.tags.get(id)!;
      topics.set(id, { slug: tag.slug, label: tag.label });
      alternatives.push(...tag.phrases);
    }
    return { kind: "synonyms", words: typed, alternatives, prefix: part.prefix };
  });
  return topics.size ? { parts: widened, topics: [...topics.values()] } : null;
}
