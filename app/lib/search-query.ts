// Turning what someone typed into the search box into a safe full-text query.
// Pure (no database, no Node APIs): the server uses it, and a browser could.
//
// Whatever the input, every word reaches the search engine inside double
// quotes, so nothing anyone types is ever read as query syntax: quotes,
// asterisks, brackets, minus signs, NEAR(...), AND/OR/NOT are either dropped
// or become plain words. The expression built here uses only quoted strings,
// `*` after a quoted string, `OR` inside brackets and `AND` between parts.
// That subset reads the same in SQLite FTS5 and is easy to translate for
// another engine (see `QueryPart`).

export const MAX_QUERY_CHARS = 500;
export const MAX_QUERY_WORDS = 32;
/** A last word shorter than this is not treated as the start of a longer one. */
export const MIN_PREFIX_CHARS = 2;

// Letters, digits, combining marks and private-use characters make words;
// anything else separates them. This follows SQLite's unicode61 tokenizer,
// so a phrase we quote is split into the same words the index holds.
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const OPERATORS = new Set(["AND", "OR", "NOT", "NEAR"]);

/** A word as the index stores it before stemming: lower case, accents removed. */
export function normaliseWord(word: string): string {
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words of a piece of text, normalised; punctuation and symbols dropped. */
export function words(text: string): string[] {
  return Array.from(text.matchAll(WORD), (m) => normaliseWord(m[0])).filter(Boolean);
}

/** Cuts input to the length search accepts, never in the middle of a character. */
export function capQueryText(input: unknown): string {
  let text = typeof input === "string" ? input : "";
  if (text.length > MAX_QUERY_CHARS) {
    text = text.slice(0, MAX_QUERY_CHARS);
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  }
  return text;
}

// ---------------------------------------------------------------------------
// Synonyms

/**
 * The phrases a tag stands for: its label (with and without what is in
 * brackets, e.g. "Shop theft (retail crime)" gives "shop theft" and
 * "retail crime") and its synonyms.
 */
export function tagSynonymGroups(tags: readonly { label: string; synonyms: readonly string[] }[]): string[][] {
  return tags.map((tag) => {
    const inBrackets = Array.from(tag.label.matchAll(/\(([^()]*)\)/g), (m) => m[1]);
    const outside = tag.label.replace(/\([^()]*\)/g, " ").replace(/\s+/g, " ").trim();
    return [outside, ...inBrackets, ...tag.synonyms];
  });
}

interface SynonymPhrase {
  words: string[];
  group: number;
}

export interface SynonymIndex {
  /** Phrases by their first word, longest first. */
  byFirstWord: Map<string, SynonymPhrase[]>;
  /** Each group's phrases, as word lists. */
  groups: string[][][];
}

/**
 * Builds the lookup used to expand queries. Groups that share a phrase are
 * merged (e.g. the static ASB list and the ASB tag), so every phrase belongs
 * to exactly one group.
 */
export function buildSynonymIndex(groups: readonly (readonly string[])[]): SynonymIndex {
  const parent: number[] = [];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const groupOfKey = new Map<string, number>();
  const phrases: { key: string; words: string[]; group: number }[] = [];
  groups.forEach((group, g) => {
    parent[g] = g;
    for (const phrase of group) {
      const w = words(phrase);
      if (w.length === 0) continue;
      const key = w.join(" ");
      const seen = groupOfKey.get(key);
      if (seen === undefined) groupOfKey.set(key, g);
      else parent[find(g)] = find(seen);
      phrases.push({ key, words: w, group: g });
    }
  });
  const merged = new Map<number, Map<string, string[]>>();
  for (const p of phrases) {
    const root = find(p.group);
    if (!merged.has(root)) merged.set(root, new Map());
    merged.get(root)!.set(p.key, p.words);
  }
  const out: SynonymIndex = { byFirstWord: new Map(), groups: [] };
  for (const members of merged.values()) {
    if (members.size < 2) continue;
    const g = out.groups.length;
    out.groups.push([...members.values()]);
    for (const w of members.values()) {
      const list = out.byFirstWord.get(w[0]) ?? [];
      list.push({ words: w, group: g });
      out.byFirstWord.set(w[0], list);
    }
  }
  for (const list of out.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
}

const EMPTY_SYNONYMS: SynonymIndex = { byFirstWord: new Map(), groups: [] };

// ---------------------------------------------------------------------------
// Parsing

/** One word the person typed, where it is in the (capped) query text. */
export interface QueryWord {
  word: string;
  start: number;
  end: number;
}

/**
 * One ANDed part of a query.
 * - term: a single word; `prefix` makes it match any word starting with it.
 * - phrase: words in quotes, in that order.
 * - synonyms: words that matched a synonym list; any one of `alternatives`
 *   (each a phrase) will do. `prefix` applies to `words` as typed.
 */
export type QueryPart =
  | { kind: "term"; word: string; prefix: boolean }
  | { kind: "phrase"; words: string[]; prefix: boolean }
  | { kind: "synonyms"; words: string[]; alternatives: string[][]; prefix: boolean };

export interface ParsedQuery {
  /** The input as searched: capped at MAX_QUERY_CHARS. */
  text: string;
  /** Every word kept, in order, with its place in `text` (for "did you mean"). */
  words: QueryWord[];
  parts: QueryPart[];
  /** The FTS5 MATCH expression, or null when the input holds no words. */
  match: string | null;
}

interface Segment {
  quoted: boolean;
  words: QueryWord[];
}

function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    const quote = text.indexOf('"', i);
    if (quote === -1) {
      out.push({ quoted: false, words: wordsAt(text, i, text.length, true) });
      break;
    }
    if (quote > i) out.push({ quoted: false, words: wordsAt(text, i, quote, true) });
    const close = text.indexOf('"', quote + 1);
    const end = close === -1 ? text.length : close;
    out.push({ quoted: true, words: wordsAt(text, quote + 1, end, false) });
    i = end + 1;
  }
  return out;
}

function wordsAt(text: string, from: number, to: number, bare: boolean): QueryWord[] {
  const out: QueryWord[] = [];
  for (const m of text.slice(from, to).matchAll(WORD)) {
    // Upper-case AND/OR/NOT/NEAR outside quotes are what people type as
    // operators; they are dropped rather than searched for.
    if (bare && OPERATORS.has(m[0])) continue;
    const word = normaliseWord(m[0]);
    if (word) out.push({ word, start: from + m.index!, end: from + m.index! + m[0].length });
  }
  return out;
}

function longestSynonymAt(list: string[], at: number, synonyms: SynonymIndex): SynonymPhrase | undefined {
  for (const candidate of synonyms.byFirstWord.get(list[at]) ?? []) {
    const n = candidate.words.length;
    if (at + n > list.length) continue;
    if (candidate.words.every((w, k) => list[at + k] === w)) return candidate;
  }
  return undefined;
}

/**
 * Parses search-box input. Quoted text is an exact phrase; other words must
 * all appear (in any form the stemmer relates, e.g. patrols ~ patrolling);
 * words or phrases on a synonym list match any of their list; the last word
 * matches as a prefix while it is still being typed (the input does not end
 * with a space or punctuation).
 */
export function parseSearchQuery(input: unknown, synonyms: SynonymIndex = EMPTY_SYNONYMS): ParsedQuery {
  const text = capQueryText(input);

  let budget = MAX_QUERY_WORDS;
  const kept: { segment: Segment; words: QueryWord[] }[] = [];
  for (const segment of segments(text)) {
    if (budget <= 0) break;
    const w = segment.words.slice(0, budget);
    budget -= w.length;
    if (w.length) kept.push({ segment, words: w });
  }

  const parts: QueryPart[] = [];
  const allWords: QueryWord[] = [];
  for (const { segment, words: ws } of kept) {
    allWords.push(...ws);
    const list = ws.map((w) => w.word);
    if (segment.quoted) {
      parts.push(list.length === 1 ? { kind: "term", word: list[0], prefix: false } : { kind: "phrase", words: list, prefix: false });
      continue;
    }
    for (let at = 0; at < list.length; ) {
      const found = longestSynonymAt(list, at, synonyms);
      if (found) {
        parts.push({ kind: "synonyms", words: found.words, alternatives: synonyms.groups[found.group], prefix: false });
        at += found.words.length;
      } else {
        parts.push({ kind: "term", word: list[at], prefix: false });
        at += 1;
      }
    }
  }

  // Search as you type: only the very last word, and only while nothing (a
  // space, a closing quote, a full stop) follows it and the input was not cut.
  const last = parts[parts.length - 1];
  const cut = typeof input === "string" && input.length > text.length;
  const stillTyping = !cut && allWords.length > 0 && allWords[allWords.length - 1].end === text.length;
  if (last && stillTyping) {
    const lastWord = last.kind === "term" ? last.word : last.words[last.words.length - 1];
    if (Array.from(lastWord).length >= MIN_PREFIX_CHARS) last.prefix = true;
  }

  const searched = dropStopWords(parts);
  return { text, words: allWords, parts: searched, match: searched.length ? toFts5(searched) : null };
}

/**
 * Little words that say nothing about what someone is looking for ("in the
 * park"): left out of the search unless they were put in quotes or are all
 * the query holds. Phrases on a synonym list ("stop and search") keep theirs.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "i", "in", "into", "is", "it", "its", "of", "on",
  "or", "our", "that", "the", "their", "them", "they", "this", "to", "was", "we", "were", "what", "when", "where",
  "which", "who", "why", "with", "you", "your",
]);

function dropStopWords(parts: QueryPart[]): QueryPart[] {
  // A stop word still being typed may be the start of a real word ("the" of "theft").
  const isStop = (p: QueryPart) => p.kind === "term" && !p.prefix && STOP_WORDS.has(p.word);
  const kept = parts.filter((p) => !isStop(p));
  return kept.length ? kept : parts;
}

/** Quotes text for FTS5: inside double quotes, a double quote is doubled. */
export function quoteFts5(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** One part of a query as an FTS5 expression of its own. */
export function partToFts5(part: QueryPart): string {
  if (part.kind === "term") return quoteFts5(part.word) + (part.prefix ? "*" : "");
  if (part.kind === "phrase") return quoteFts5(part.words.join(" ")) + (part.prefix ? "*" : "");
  const typed = part.words.join(" ");
  const alternatives = part.alternatives.map((a) => quoteFts5(a.join(" ")));
  // Still being typed: "juvenil" should also find "juvenile offenders".
  if (part.prefix) alternatives.push(quoteFts5(typed) + "*");
  return `(${alternatives.join(" OR ")})`;
}

/** An FTS5 expression matching documents that hold every part. */
export function toFts5(parts: readonly QueryPart[]): string {
  return parts.map(partToFts5).join(" AND ");
}

/** An FTS5 expression matching documents that hold any of the parts (for forgiving matching and its extracts). */
export function anyPartFts5(parts: readonly QueryPart[]): string {
  return parts.map(partToFts5).join(" OR ");
}

// ---------------------------------------------------------------------------
// "Did you mean"

/**
 * Optimal string alignment distance (Damerau-Levenshtein where a transposed
 * pair counts as one edit), giving up once it must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[t.length];
}

/** How far a word may be from a suggestion: none for very short words. */
export function maxEditsFor(word: string): number {
  const n = Array.from(word).length;
  return n < 3 ? 0 : n <= 5 ? 1 : 2;
}

/** The query text with some of its words replaced (by index into `parsed.words`). */
export function replaceWords(parsed: ParsedQuery, replacements: ReadonlyMap<number, string>): string {
  let out = "";
  let at = 0;
  parsed.words.forEach((w, i) => {
    const replacement = replacements.get(i);
    if (replacement === undefined) return;
    out += parsed.text.slice(at, w.start) + replacement;
    at = w.end;
  });
  return (out + parsed.text.slice(at)).replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------
// The search page's URL

export const SEARCH_TYPES = ["practice", "session"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export const SEARCH_SORTS = ["relevance", "newest"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const SEARCH_PAGE_SIZE = 20;
/** More filter values than this in one facet are ignored. */
export const MAX_FILTER_VALUES = 50;
export const MAX_PAGE = 1000;

export interface SearchParams {
  q: string;
  types: SearchType[];
  /** Tag slugs. */
  tags: string[];
  /** Organisation slugs. */
  organisations: string[];
  regions: string[];
  /** Evidence label values (worked, promising, untested, did_not_work). */
  evidence: string[];
  sort: SearchSort;
  page: number;
}

function cleanList(values: unknown): string[] {
  const list = Array.isArray(values) ? values : values === undefined || values === null ? [] : [values];
  const out = new Set<string>();
  for (const v of list) {
    if (typeof v !== "string") continue;
    const s = v.trim().slice(0, 200);
    if (s) out.add(s);
    if (out.size >= MAX_FILTER_VALUES) break;
  }
  return [...out];
}

/** Any object to well-formed parameters: unknown types, sorts and pages become defaults. */
export function normaliseSearchParams(raw: Partial<Record<keyof SearchParams, unknown>> = {}): SearchParams {
  const page = Math.trunc(Number(raw.page));
  return {
    q: capQueryText(raw.q),
    types: cleanList(raw.types).filter((t): t is SearchType => (SEARCH_TYPES as readonly string[]).includes(t)),
    tags: cleanList(raw.tags),
    organisations: cleanList(raw.organisations),
    regions: cleanList(raw.regions),
    evidence: cleanList(raw.evidence),
    sort: raw.sort === "newest" ? "newest" : "relevance",
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/**
 * Reads /search?q=...&type=...&tag=...&organisation=...&region=...&evidence=...&sort=...&page=...
 * (each filter may repeat).
 */
export function searchParamsFromUrl(params: URLSearchParams): SearchParams {
  return normaliseSearchParams({
    q: params.get("q") ?? "",
    types: params.getAll("type"),
    tags: params.getAll("tag"),
    organisations: params.getAll("organisation"),
    regions: params.getAll("region"),
    evidence: params.getAll("evidence"),
    sort: params.get("sort") ?? undefined,
    page: params.get("page") ?? undefined,
  });
}

/** The URL query string for some parameters (defaults left out), e.g. for facet links. */
export function searchParamsToUrl(p: Partial<SearchParams>): URLSearchParams {
  const out = new URLSearchParams();
  if (p.q) out.set("q", p.q);
  for (const v of p.types ?? []) out.append("type", v);
  for (const v of p.tags ?? []) out.append("tag", v);
  for (const v of p.organisations ?? []) out.append("organisation", v);
  for (const v of p.regions ?? []) out.append("region", v);
  for (const v of p.evidence ?? []) out.append("evidence", v);
  if (p.sort && p.sort !== "relevance") out.set("sort", p.sort);
  if (p.page && p.page > 1) out.set("page", String(p.page));
  return out;
}
