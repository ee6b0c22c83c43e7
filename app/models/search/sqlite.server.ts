import { readTransaction, writeTransaction } from "../../../db/transaction";
import { sql, type RawBuilder } from "kysely";
import { EVIDENCE_LABELS } from "~/lib/practice-options";
import { formatUkDate, formatUkTimeRange } from "~/lib/uk-time";
import {
  anyPartFts5,
  buildSynonymIndex,
  maxEditsFor,
  parseSearchQuery,
  partToFts5,
  quoteFts5,
  toFts5,
  replaceWords,
  SEARCH_PAGE_SIZE,
  SEARCH_TYPES,
  STOP_WORDS,
  tagSynonymGroups,
  words,
  type ParsedQuery,
  type SynonymIndex,
} from "~/lib/search-query";
import type { EvidenceLabel } from "../../../db/schema";
import { KNOWN_TERMS, POLICING_SYNONYM_GROUPS } from "./policing-words";
import { bestCorrection, editsAllowed, wordsInKnownPhrases, worthSuggesting, type Candidate } from "./suggestions";
import { buildThesaurus, widenToBroader, type Thesaurus, type Topic } from "./thesaurus";
import { MIN_PARTS_TO_FORGIVE, partsHeld, rankByPartsHeld } from "./forgiving";
import { FacetIndex, type FacetCounts, type FacetDocument, type FacetFilters } from "./facets";
import { countMarks, ELLIPSIS, markedToHtml, openingWords } from "./snippet";
import type {
  Executor, FacetValue, RebuildCounts, SearchBackend, SearchFacets, SearchParams, SearchResponse, SearchResult, SearchType,
} from "./types";

// The SQLite FTS5 search backend: the only code in the app that knows about
// FTS5 (MATCH, bm25, snippet). The tables are made by migration
// 2026-11-25-002-search-index.
//
// Only live published entries (a published revision, not archived: the rule
// of findPublishedEntry) and the session listings are ever copied into
// search_documents, and always from the published revision, so drafts,
// submissions, rejected and archived text cannot reach results, snippets,
// facet counts or suggestions.

export const TYPE_LABELS: Record<SearchType, string> = { practice: "Case study", session: "Week of Action session" };

/** Column weights for bm25, in the index's column order: title, summary, body, tags, organisation. */
const WEIGHTS = sql.raw("10.0, 4.0, 1.0, 3.0, 2.0");
const SNIPPET_TOKENS = 32;
const SUMMARY_COLUMN = 1;
const BODY_COLUMN = 2;
const SUGGEST_BELOW = 3;

// ---------------------------------------------------------------------------
// Indexing

const LIVE = sql`e.published_revision_id is not null and e.status <> 'archived' and e.slug is not null`;

/** Stored text without the two characters snippets use as highlight markers. */
const clean = (expr: RawBuilder<unknown>) => sql`replace(replace(coalesce(${expr}, ''), char(57344), ''), char(57345), '')`;

/** Which rows to (re)index, as a condition on a column holding entry or session ids. */
type Scope = (column: string) => RawBuilder<unknown>;
const everything: Scope = () => sql`1`;
const only = (id: number): Scope => (c) => sql`${sql.ref(c)} = ${id}`;
const within = (subquery: RawBuilder<unknown>): Scope => (c) => sql`${sql.ref(c)} in (${subquery})`;

const DOCUMENT_COLUMNS = [
  "kind", "ref_id", "organisation_id", "region", "evidence_label", "sort_date", "slug", "starts_at", "ends_at",
  "title", "summary", "tags_text", "organisation_text", "body",
] as const;
const UPDATED = DOCUMENT_COLUMNS.filter((c) => c !== "kind" && c !== "ref_id");

function upsertDocuments(rows: RawBuilder<unknown>) {
  const set = sql.raw(UPDATED.map((c) => `${c} = excluded.${c}`).join(", "));
  // Unchanged documents are left alone, so re-indexing is cheap and idempotent.
  const changed = sql.raw(UPDATED.map((c) => `search_documents.${c} is not excluded.${c}`).join(" or "));
  return sql`
    insert into search_documents (${sql.raw(DOCUMENT_COLUMNS.join(", "))})
    ${rows}
    on conflict (kind, ref_id) do update set ${set} where ${changed}`;
}

function practiceRows(scope: Scope) {
  return sql`
    select 'practice', e.id, e.organisation_id, o.region, e.evidence_label,
      coalesce(e.published_at, e.first_published_at, e.updated_at), e.slug, null, null,
      ${clean(sql`r.title`)},
      ${clean(sql`r.summary`)},
      ${clean(sql`(select group_concat(t.label, ' · ' order by t.label) from practice_entry_tags pt
        join tags t on t.id = pt.tag_id where pt.entry_id = e.id and t.active = 1)`)},
      ${clean(sql`o.name || coalesce(', ' || nullif(trim(case when json_valid(r.content) then json_extract(r.content, '$.unit') end), ''), '')`)},
      ${clean(sql`r.body_text`)}
    from practice_entries e
    join practice_revisions r on r.id = e.published_revision_id
    join organisations o on o.id = e.organisation_id
    where ${LIVE} and ${scope("e.id")}`;
}

function sessionRows(scope: Scope) {
  return sql`
    select 'session', s.id, null, null, null, s.starts_at, s.slug, s.starts_at, s.ends_at,
      ${clean(sql`s.title`)},
      ${clean(sql`s.summary`)},
      ${clean(sql`(select group_concat(t.label, ' · ' order by t.label) from event_session_tags st
        join tags t on t.id = st.tag_id where st.event_session_id = s.id and t.active = 1)`)},
      ${clean(sql`(select group_concat(organisation_name, ', ' order by first) from (
        select sp.organisation_name, min(sp.position) as first from event_speakers sp
        where sp.event_session_id = s.id and sp.organisation_name <> '' group by sp.organisation_name))`)},
      ${clean(sql`(select group_concat(sp.name || case when sp.role <> '' then ', ' || sp.role else '' end, '. ' order by sp.position)
        from event_speakers sp where sp.event_session_id = s.id)`)}
    from event_sessions s
    where ${scope("s.id")}`;
}

interface Source {
  kind: "practice" | "session";
  rows: (scope: Scope) => RawBuilder<unknown>;
  /** True when the thing a document of this kind was made from (search_documents.ref_id) is still searchable. */
  stillLive: RawBuilder<unknown>;
  /** (ref_id, tag_id) of the active tags things of this kind carry. */
  tags: RawBuilder<unknown>;
}

const PRACTICE: Source = {
  kind: "practice",
  rows: practiceRows,
  stillLive: sql`exists (select 1 from practice_entries e where e.id = search_documents.ref_id and ${LIVE})`,
  tags: sql`select pt.entry_id as ref_id, pt.tag_id from practice_entry_tags pt join tags t on t.id = pt.tag_id where t.active = 1`,
};

const SESSIONS: Source = {
  kind: "session",
  rows: sessionRows,
  stillLive: sql`exists (select 1 from event_sessions s where s.id = search_documents.ref_id)`,
  tags: sql`select st.event_session_id as ref_id, st.tag_id from event_session_tags st join tags t on t.id = st.tag_id where t.active = 1`,
};

/**
 * Brings the documents of one kind within `scope` in line with their source:
 * removes those no longer live, writes the rest, and adds or removes tag rows.
 * Rows that are already right are not touched, so re-indexing changes nothing
 * (and does not make the facet cache reload).
 */
async function sync(trx: Executor, source: Source, scope: Scope, { vocabularyBefore = true } = {}) {
  const before = vocabularyBefore ? await vocabularyOf(trx, source.kind, scope) : new Map<string, number>();
  const documents = sql`select id from search_documents where kind = ${source.kind} and ${scope("ref_id")}`;
  const gone = sql`select id from search_documents where kind = ${source.kind} and ${scope("ref_id")} and not ${source.stillLive}`;
  await sql`delete from search_document_tags where document_id in (${gone})`.execute(trx);
  await sql`delete from search_documents where id in (${gone})`.execute(trx);
  await upsertDocuments(source.rows(scope)).execute(trx);
  const wanted = sql`select d.id as document_id, w.tag_id from search_documents d join (${source.tags}) w on w.ref_id = d.ref_id
    where d.kind = ${source.kind} and ${scope("d.ref_id")}`;
  await sql`delete from search_document_tags where document_id in (${documents})
    and (document_id, tag_id) not in (${wanted})`.execute(trx);
  await sql`insert into search_document_tags (document_id, tag_id) ${wanted} on conflict do nothing`.execute(trx);
  await updateVocabulary(trx, before, await vocabularyOf(trx, source.kind, scope));
}

const VOCABULARY_BATCH = 2000;

/** The words a document holds, as the query parser normalises them; numbers and odd lengths left out. */
function documentWords(d: { title: string; summary: string; body: string; tags_text: string; organisation_text: string }): Set<string> {
  const out = new Set<string>();
  for (const text of [d.title, d.summary, d.body, d.tags_text, d.organisation_text]) {
    for (const w of words(text)) if (w.length >= 2 && w.length <= 40 && !/\d/.test(w)) out.add(w);
  }
  return out;
}

/** For the documents of one kind within `scope`: each word and how many of them hold it. */
async function vocabularyOf(trx: Executor, kind: Source["kind"], scope: Scope): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let after = 0; ; ) {
    const { rows } = await sql<{ id: number; title: string; summary: string; body: string; tags_text: string; organisation_text: string }>`
      select id, title, summary, body, tags_text, organisation_text from search_documents
      where kind = ${kind} and ${scope("ref_id")} and id > ${after} order by id limit ${VOCABULARY_BATCH}`.execute(trx);
    for (const row of rows) for (const w of documentWords(row)) counts.set(w, (counts.get(w) ?? 0) + 1);
    if (rows.length < VOCABULARY_BATCH) return counts;
    after = rows[rows.length - 1].id;
  }
}

/** Applies the difference between two word counts to search_terms. */
async function updateVocabulary(trx: Executor, before: Map<string, number>, after: Map<string, number>) {
  const changes: [string, number][] = [];
  for (const [term, n] of after) if (n !== (before.get(term) ?? 0)) changes.push([term, n - (before.get(term) ?? 0)]);
  for (const [term, n] of before) if (!after.has(term)) changes.push([term, -n]);
  for (let i = 0; i < changes.length; i += 1000) {
    const values = changes.slice(i, i + 1000).map(([term, n]) => sql`(${term}, ${n})`);
    await sql`insert into search_terms (term, docs) values ${sql.join(values)}
      on conflict (term) do update set docs = docs + excluded.docs`.execute(trx);
  }
  if (changes.some(([, n]) => n < 0)) await sql`delete from search_terms where docs <= 0`.execute(trx);
}

/** Joins the caller's transaction, or opens one: a document and its tags change together. */
function inTransaction<T>(db: Executor, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return writeTransaction(db, fn);
}

async function countDocuments(db: Executor): Promise<RebuildCounts> {
  const { rows } = await sql<{ practice: number; sessions: number }>`
    select coalesce(sum(kind = 'practice'), 0) as practice, coalesce(sum(kind = 'session'), 0) as sessions
    from search_documents`.execute(db);
  return { practice: Number(rows[0].practice), sessions: Number(rows[0].sessions) };
}

// ---------------------------------------------------------------------------
// Searching

interface Reference {
  tags: { id: number; slug: string; label: string }[];
  organisations: { id: number; slug: string; name: string; region: string }[];
  synonyms: SynonymIndex;
  thesaurus: Thesaurus;
  /** Words of the trade and the topic list: never respelt, and preferred as respellings. */
  domainWords: Set<string>;
  /** Phrases of the trade and the topic list, as word lists: respelt whole or not at all. */
  knownPhrases: string[][];
}

/**
 * What the index was built from and the lists search reads (tags, synonyms,
 * organisations), as two values that change whenever either does: the index
 * generation, and a fingerprint of the lists (their sizes, newest ids and edit
 * times; every edit to them moves one of these).
 */
async function readState(db: Executor): Promise<{ generation: number; fingerprint: string }> {
  const { rows } = await sql<{ generation: number; fingerprint: string }>`
    select (select generation from search_state where id = 1) as generation,
      (select count(*) || ':' || coalesce(max(updated_at), '') from tags) || '|' ||
      (select count(*) || ':' || coalesce(max(id), 0) from tag_synonyms) || '|' ||
      (select count(*) || ':' || coalesce(sum(tag_id * 31 + other_tag_id), 0) from tag_relations) || '|' ||
      (select count(*) || ':' || coalesce(max(updated_at), '') from organisations) as fingerprint`.execute(db);
  return { generation: Number(rows[0]?.generation ?? -1), fingerprint: rows[0]?.fingerprint ?? "" };
}

const referenceCache = new WeakMap<object, { fingerprint: string; reference: Reference }>();

async function reference(owner: object, db: Executor, fingerprint: string): Promise<Reference> {
  const cached = referenceCache.get(owner);
  if (cached?.fingerprint === fingerprint) return cached.reference;
  const loaded = await loadReference(db);
  referenceCache.set(owner, { fingerprint, reference: loaded });
  return loaded;
}

async function loadReference(db: Executor): Promise<Reference> {
  const allTags = await db.selectFrom("tags").select(["id", "slug", "label", "active"]).orderBy("label").execute();
  const synonymRows = await db.selectFrom("tag_synonyms").select(["tag_id", "term"]).execute();
  const organisations = await db.selectFrom("organisations").select(["id", "slug", "name", "region"]).orderBy("name").execute();
  const byTag = new Map<number, string[]>();
  for (const s of synonymRows) byTag.set(s.tag_id, [...(byTag.get(s.tag_id) ?? []), s.term]);
  // Retired tags keep their synonyms: the words still mean the same thing.
  const tagGroups = tagSynonymGroups(allTags.map((t) => ({ label: t.label, synonyms: byTag.get(t.id) ?? [] })));
  const synonyms = buildSynonymIndex([...tagGroups, ...POLICING_SYNONYM_GROUPS]);
  const tags = allTags.filter((t) => t.active === 1).map(({ id, slug, label }) => ({ id, slug, label }));
  const broader = await db.selectFrom("tag_relations").select(["tag_id", "other_tag_id"]).where("kind", "=", "broader").execute();
  const thesaurus = buildThesaurus(
    allTags.map((t, i) => ({ id: t.id, slug: t.slug, label: t.label, active: t.active === 1, phrases: tagGroups[i] })),
    broader.map((b) => ({ tagId: b.tag_id, broaderId: b.other_tag_id })),
  );
  const knownPhrases = [...synonyms.groups.flat(), ...KNOWN_TERMS];
  // Every word of every synonym phrase is deliberate vocabulary, as are the known terms.
  const domainWords = new Set([...synonyms.groups.flat(2), ...KNOWN_TERMS.flat()].filter((w) => !STOP_WORDS.has(w)));
  return { tags, organisations, synonyms, thesaurus, domainWords, knownPhrases };
}

/** The request's filter values that exist (active tags, known organisations and regions). */
function resolveFilters(params: SearchParams, ref: Reference): FacetFilters {
  const regions = new Set(ref.organisations.map((o) => o.region));
  return {
    types: SEARCH_TYPES.filter((t) => params.types.includes(t)),
    tagIds: ref.tags.filter((t) => params.tags.includes(t.slug)).map((t) => t.id),
    organisationIds: ref.organisations.filter((o) => params.organisations.includes(o.slug)).map((o) => o.id),
    regions: params.regions.filter((r) => regions.has(r)),
    evidence: EVIDENCE_LABELS.map((e) => e.value).filter((v) => params.evidence.includes(v)),
  };
}

function hasFilters(f: FacetFilters) {
  return f.types.length + f.tagIds.length + f.organisationIds.length + f.regions.length + f.evidence.length > 0;
}

/** The filters as slugs and values, for the page to show and link. */
function appliedFilters(f: FacetFilters, ref: Reference): SearchResponse["filters"] {
  return {
    types: f.types,
    tags: ref.tags.filter((t) => f.tagIds.includes(t.id)).map((t) => t.slug),
    organisations: ref.organisations.filter((o) => f.organisationIds.includes(o.id)).map((o) => o.slug),
    regions: f.regions,
    evidence: f.evidence,
  };
}

// The facets of every document, in memory, reloaded when the index changes
// (search_state.generation moves with every write to the documents or their tags).
const facetCache = new WeakMap<object, { generation: number; index: FacetIndex }>();

async function loadFacetIndex(owner: object, db: Executor, generation: number): Promise<FacetIndex> {
  const cached = facetCache.get(owner);
  if (cached && cached.generation === generation) return cached.index;
  // One row each, as JSON: far cheaper than 100,000 result rows.
  const docs = await sql<{ docs: string }>`
    select json_group_array(json_array(id, kind, organisation_id, region, evidence_label) order by sort_date desc, id desc) as docs
    from search_documents indexed by search_documents_facets`.execute(db);
  const tags = await sql<{ tags: string }>`select json_group_array(json_array(document_id, tag_id)) as tags from search_document_tags`.execute(db);
  const index = new FacetIndex(JSON.parse(docs.rows[0].docs) as FacetDocument[], JSON.parse(tags.rows[0].tags) as [number, number][]);
  facetCache.set(owner, { generation, index });
  return index;
}

/** The ids of every document the words match (no ranking: cheap). */
async function matchingIds(db: Executor, match: string): Promise<number[]> {
  const { rows } = await sql<{ ids: string }>`select json_group_array(rowid) as ids from search_fts where search_fts match ${match}`.execute(db);
  return JSON.parse(rows[0].ids) as number[];
}

// Ranking. Entries whose title, summary, topics or organisation hold every
// word of the query are about it; entries that hold some of them only in
// their body text mention it. Those about it come first, then the rest, each
// group in weighted BM25 order (ties: most recently indexed first). Besides
// being what people expect, this keeps common words fast: BM25 costs about
// half a microsecond per document scored, and only the first group (usually
// a fifth of the matches or fewer) is scored for the first pages.
const ABOUT_COLUMNS = "{title summary tags_text organisation_text}";

const aboutMatch = (match: string) => `${ABOUT_COLUMNS} : (${match})`;
const mentionOnlyMatch = (match: string) => `(${match}) NOT (${aboutMatch(match)})`;

/**
 * With filters, only the documents that pass them (already known from
 * counting) are looked at: they are handed over as a JSON list, which SQLite
 * turns into one lookup table, instead of joining every match to its facets.
 */
function onlyPassing(passing: Int32Array | null) {
  return passing ? sql`and +search_fts.rowid in (select value from json_each(${JSON.stringify(Array.from(passing))}))` : sql``;
}

async function countMatches(db: Executor, match: string, passing: Int32Array | null): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${match} ${onlyPassing(passing)}`.execute(db);
  return Number(rows[0].n);
}

async function rankedIds(db: Executor, match: string, passing: Int32Array | null, offset: number, limit: number): Promise<number[]> {
  if (limit <= 0) return [];
  const { rows } = await sql<{ id: number }>`
    select search_fts.rowid as id from search_fts where search_fts match ${match} ${onlyPassing(passing)}
    order by bm25(search_fts, ${WEIGHTS}), search_fts.rowid desc limit ${limit} offset ${offset}`.execute(db);
  return rows.map((r) => r.id);
}

/** A page of results in ranking order (see above): the "about" group, then the rest. */
async function relevancePage(db: Executor, match: string, passing: Int32Array | null, offset: number): Promise<number[]> {
  const about = await countMatches(db, aboutMatch(match), passing);
  const fromAbout = await rankedIds(db, aboutMatch(match), passing, offset, Math.min(SEARCH_PAGE_SIZE, about - offset));
  const rest = SEARCH_PAGE_SIZE - fromAbout.length;
  const fromRest = await rankedIds(db, mentionOnlyMatch(match), passing, Math.max(0, offset - about), rest);
  return [...fromAbout, ...fromRest];
}

/**
 * The query widened to the broader topics of the topics it names, when that
 * finds more than the query itself: its match, counts and topics.
 */
async function widenedMatches(db: Executor, parsed: ParsedQuery, ref: Reference, facets: FacetIndex, f: FacetFilters, direct: number) {
  const widened = widenToBroader(parsed.parts, ref.thesaurus);
  if (!widened) return null;
  const match = toFts5(widened.parts);
  const { counts, passing } = facets.count(await matchingIds(db, match), f);
  return counts.total > direct ? { match, counts, passing, topics: widened.topics as Topic[] } : null;
}

/** A page of the direct matches in ranking order, then the widened ones (about a broader topic) by BM25. */
async function widenedPage(
  db: Executor, match: string, widenedMatch: string, passing: { direct: Int32Array; all: Int32Array } | null, direct: number, offset: number,
): Promise<number[]> {
  const first = offset < direct ? await relevancePage(db, match, passing?.direct ?? null, offset) : [];
  const after = await rankedIds(db, `(${widenedMatch}) NOT (${match})`, passing?.all ?? null, Math.max(0, offset - direct), SEARCH_PAGE_SIZE - first.length);
  return [...first, ...after];
}

/** For forgiving matching: which documents hold most of the query's parts, and how many each holds. */
async function partsHeldBy(db: Executor, parsed: ParsedQuery): Promise<Map<number, number> | null> {
  if (parsed.parts.length < MIN_PARTS_TO_FORGIVE) return null;
  const hits: number[][] = [];
  for (const part of parsed.parts) hits.push(await matchingIds(db, partToFts5(part)));
  return partsHeld(hits);
}

/** A page of forgiving results: most parts held first, then weighted BM25 over any of the parts. */
async function partialPage(db: Executor, parsed: ParsedQuery, held: Map<number, number>, passing: Int32Array, offset: number): Promise<number[]> {
  const { rows } = await sql<{ id: number; score: number }>`
    select search_fts.rowid as id, bm25(search_fts, ${WEIGHTS}) as score from search_fts
    where search_fts match ${anyPartFts5(parsed.parts)} ${onlyPassing(passing)}`.execute(db);
  const score = new Map(rows.map((r) => [r.id, r.score]));
  return rankByPartsHeld(held, score, passing).slice(offset, offset + SEARCH_PAGE_SIZE);
}

// One collator for every sort (localeCompare with a locale makes one per call).
const BY_LABEL = new Intl.Collator("en-GB");

function facetValues(candidates: { value: string; label: string }[], counts: Map<string, number>, selected: string[], order: "count" | "given"): FacetValue[] {
  const values = candidates
    .map((c) => ({ ...c, count: counts.get(c.value) ?? 0, selected: selected.includes(c.value) }))
    .filter((v) => v.count > 0 || v.selected);
  if (order === "count") values.sort((a, b) => b.count - a.count || BY_LABEL.compare(a.label, b.label));
  return values;
}

function rekey<K, V>(counts: Map<K, number>, key: (k: K) => V | undefined): Map<V, number> {
  const out = new Map<V, number>();
  for (const [k, n] of counts) {
    const v = key(k);
    if (v !== undefined) out.set(v, n);
  }
  return out;
}

function buildFacets(counts: FacetCounts, f: FacetFilters, ref: Reference): SearchFacets {
  const applied = appliedFilters(f, ref);
  const tagSlug = new Map(ref.tags.map((t) => [t.id, t.slug]));
  const organisationSlug = new Map(ref.organisations.map((o) => [o.id, o.slug]));
  const regions = [...new Set(ref.organisations.map((o) => o.region))];
  return {
    type: facetValues(SEARCH_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] })), counts.type, applied.types, "given"),
    tag: facetValues(ref.tags.map((t) => ({ value: t.slug, label: t.label })), rekey(counts.tag, (id) => tagSlug.get(id)), applied.tags, "count"),
    organisation: facetValues(
      ref.organisations.map((o) => ({ value: o.slug, label: o.name })),
      rekey(counts.organisation, (id) => organisationSlug.get(id)),
      applied.organisations,
      "count",
    ),
    region: facetValues(regions.map((r) => ({ value: r, label: r })), counts.region, applied.regions, "count"),
    evidence: facetValues(EVIDENCE_LABELS.map((e) => ({ value: e.value, label: e.label })), counts.evidence, applied.evidence, "given"),
  };
}

/**
 * Picks out the page's rows from the matches. FTS5 looks each id up on its
 * own, which is fastest, except that it then expands a prefix ("patrol*")
 * again for every id: with a prefix, one pass over the matches is faster.
 *
 * The ids are bound as integers: better-sqlite3 binds a JS number as REAL,
 * and FTS5 (SQLite 3.53) drops a `rowid = <real>` constraint, which is what
 * `in (one id)` becomes, and returns every match. With a common word that
 * made a one-result page compute snippets for all its matches: seconds.
 * Exported for tests.
 */
export function pageRows(parsed: ParsedQuery, ids: number[]) {
  if (!parsed.parts.some((p) => p.prefix)) return sql`search_fts.rowid in (${sql.join(ids.map((id) => BigInt(id)))})`;
  return sql`+search_fts.rowid in (select value from json_each(${JSON.stringify(ids)}))`;
}

interface ResultRow {
  id: number;
  kind: SearchType;
  slug: string;
  title: string;
  summary: string;
  body_start: string;
  region: string | null;
  evidence_label: EvidenceLabel | null;
  sort_date: string;
  starts_at: string | null;
  ends_at: string | null;
  organisation_slug: string | null;
  organisation_name: string | null;
  summary_snippet?: string;
  body_snippet?: string;
}

async function loadResults(db: Executor, ids: number[], parsed: ParsedQuery): Promise<SearchResult[]> {
  if (ids.length === 0) return [];
  const { match } = parsed;
  const columns = sql`d.id as id, d.kind as kind, d.slug as slug, d.title as title, d.summary as summary,
    substr(d.body, 1, 400) as body_start, d.region as region, d.evidence_label as evidence_label, d.sort_date as sort_date,
    d.starts_at as starts_at, d.ends_at as ends_at, o.slug as organisation_slug, o.name as organisation_name`;
  const snippet = (column: number) => sql`snippet(search_fts, ${column}, char(57344), char(57345), ${ELLIPSIS}, ${SNIPPET_TOKENS})`;
  const { rows } = match
    ? await sql<ResultRow>`
        select ${columns}, ${snippet(SUMMARY_COLUMN)} as summary_snippet
        from search_fts join search_documents d on d.id = search_fts.rowid
        left join organisations o on o.id = d.organisation_id
        where search_fts match ${match} and ${pageRows(parsed, ids)}`.execute(db)
    : await sql<ResultRow>`
        select ${columns} from search_documents d left join organisations o on o.id = d.organisation_id
        where d.id in (${sql.join(ids)})`.execute(db);
  // The body is long, so it is only searched for an extract when the summary has no match.
  const needBody = match ? rows.filter((r) => countMarks(r.summary_snippet ?? "") === 0).map((r) => r.id) : [];
  if (match && needBody.length) {
    const bodies = await sql<{ id: number; body_snippet: string }>`
      select search_fts.rowid as id, ${snippet(BODY_COLUMN)} as body_snippet from search_fts
      where search_fts match ${match} and ${pageRows(parsed, needBody)}`.execute(db);
    const byId = new Map(bodies.rows.map((b) => [b.id, b.body_snippet]));
    for (const r of rows) r.body_snippet = byId.get(r.id);
  }

  const tagRows = await db
    .selectFrom("search_document_tags as dt")
    .innerJoin("tags as t", "t.id", "dt.tag_id")
    .select(["dt.document_id", "t.slug", "t.label"])
    .where("dt.document_id", "in", ids)
    .where("t.active", "=", 1)
    .orderBy("t.label")
    .execute();

  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const result: SearchResult = {
      type: r.kind,
      typeLabel: TYPE_LABELS[r.kind],
      slug: r.slug,
      title: r.title,
      snippet: snippetHtml(r),
      tags: tagRows.filter((t) => t.document_id === id).map((t) => ({ slug: t.slug, label: t.label })),
      organisation: r.organisation_slug && r.organisation_name ? { slug: r.organisation_slug, name: r.organisation_name } : null,
      region: r.region,
      evidence: r.evidence_label,
      evidenceLabel: r.evidence_label ? (EVIDENCE_LABELS.find((e) => e.value === r.evidence_label)?.label ?? null) : null,
      url: r.kind === "practice" ? `/practice/${r.slug}` : `/week-of-action/${r.slug}`,
      date: r.sort_date,
    };
    if (r.kind === "session" && r.starts_at && r.ends_at) {
      result.startsAt = r.starts_at;
      result.endsAt = r.ends_at;
      result.when = `${formatUkDate(r.starts_at)}, ${formatUkTimeRange(r.starts_at, r.ends_at)}`;
    }
    return [result];
  });
}

/**
 * The extract that shows why a result matched: from the summary if the words
 * are there, else from the body (the title is shown anyway). With no
 * highlight, the opening of the summary.
 */
function snippetHtml(r: ResultRow): string {
  for (const extract of [r.summary_snippet, r.body_snippet]) if (extract && countMarks(extract) > 0) return markedToHtml(extract);
  return openingWords(r.summary.trim() ? r.summary : r.body_start);
}

// ---------------------------------------------------------------------------
// "Did you mean"

async function matchesAnything(db: Executor, match: string): Promise<boolean> {
  const { rows } = await sql`select 1 from search_fts where search_fts match ${match} limit 1`.execute(db);
  return rows.length > 0;
}

function nextCodePoint(s: string): string {
  const chars = Array.from(s);
  const last = chars.pop()!;
  return chars.join("") + String.fromCodePoint(last.codePointAt(0)! + 1);
}

/** Words of the index (as written, not stemmed) that start with `prefix` and are about as long as `word`. */
async function vocabularyNear(db: Executor, word: string, prefix: string) {
  const max = maxEditsFor(word);
  const length = Array.from(word).length;
  const { rows } = await sql<{ term: string; docs: number }>`
    select term, docs from search_terms
    where term >= ${prefix} and term < ${nextCodePoint(prefix)}
      and length(term) between ${length - max} and ${length + max}`.execute(db);
  return rows;
}

/** Domain words (policing words, the topic list) near `word`: same first letter, about as long. */
function domainNear(word: string, ref: Reference): Candidate[] {
  const max = maxEditsFor(word);
  const length = Array.from(word).length;
  const first = Array.from(word)[0];
  return [...ref.domainWords]
    .filter((w) => w.startsWith(first) && Math.abs(Array.from(w).length - length) <= max)
    .map((term) => ({ term, docs: 0 }));
}

/**
 * The respelling of a word the index does not hold. Most slips keep the
 * first two letters, so those words of the index are looked at first (a short
 * scan of the vocabulary); then words with the same first letter; then words
 * starting with the second letter ("hsoplifting"). Domain words join the
 * candidates of the first letter.
 */
async function correction(db: Executor, word: string, ref: Reference, maxEdits: number): Promise<string | null> {
  const chars = Array.from(word);
  const prefixes = new Set([chars.slice(0, 2).join(""), chars[0], chars[1]]);
  for (const prefix of prefixes) {
    const near = await vocabularyNear(db, word, prefix);
    const domain = prefix === chars[0] ? domainNear(word, ref) : [];
    const fix = bestCorrection(word, [...near, ...domain.filter((d) => !near.some((n) => n.term === d.term))], ref.domainWords, maxEdits);
    if (fix) return fix;
  }
  return null;
}

async function suggest(db: Executor, parsed: ParsedQuery, f: FacetFilters, found: { allWords: number; shown: number }, ref: Reference, facets: FacetIndex): Promise<string | null> {
  const corrections = new Map<number, string>();
  const lastIndex = parsed.words.length - 1;
  const lastIsPrefix = parsed.parts[parsed.parts.length - 1]?.prefix ?? false;
  const inPhrases = wordsInKnownPhrases(parsed.words.map((w) => w.word), ref.knownPhrases);
  const seen = new Map<string, string | null>();
  for (const [i, { word }] of parsed.words.entries()) {
    if (inPhrases.has(i) || ref.domainWords.has(word) || STOP_WORDS.has(word) || maxEditsFor(word) === 0 || /\d/.test(word)) continue;
    const asPrefix = i === lastIndex && lastIsPrefix;
    const key = `${word}${asPrefix ? "*" : ""}`;
    if (!seen.has(key)) {
      const known = await matchesAnything(db, quoteFts5(word) + (asPrefix ? "*" : ""));
      seen.set(key, known ? null : await correction(db, word, ref, editsAllowed(found.shown)));
    }
    const fix = seen.get(key);
    if (fix) corrections.set(i, fix);
  }
  if (corrections.size === 0) return null;
  const corrected = replaceWords(parsed, corrections);
  const reparsed = parseSearchQuery(corrected, ref.synonyms);
  if (!reparsed.match) return null;
  return worthSuggesting(facets.count(await matchingIds(db, reparsed.match), f).counts.total, found) ? corrected : null;
}

// ---------------------------------------------------------------------------

function isFts5QueryError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /fts5|unterminated string|malformed match/i.test(message);
}

const NO_FACETS: SearchFacets = { type: [], tag: [], organisation: [], region: [], evidence: [] };

/** Reads in one transaction, so counts, pages and facets all see the same index. */
function inReadTransaction<T>(db: Executor, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return readTransaction(db, fn);
}

// Whole answers, per database, for repeated searches (search-as-you-type
// asks again as people type and delete; people page back and forth). Keyed
// by the index generation and the lists' fingerprint, so any change to what
// search reads makes older answers unreachable.
let responseCacheSize = 200;
const responseCache = new WeakMap<object, Map<string, SearchResponse>>();

/** How many answers to keep per database (0 turns the cache off, e.g. to measure cold searches). */
export function setSearchCacheSize(size: number) {
  responseCacheSize = Math.max(0, Math.floor(size));
}

function remember(owner: object, key: string, response: SearchResponse) {
  if (responseCacheSize === 0) return;
  const cache = responseCache.get(owner) ?? new Map<string, SearchResponse>();
  responseCache.set(owner, cache);
  cache.set(key, response);
  while (cache.size > responseCacheSize) cache.delete(cache.keys().next().value!);
}

function recall(owner: object, key: string): SearchResponse | undefined {
  const cache = responseCache.get(owner);
  const hit = responseCacheSize > 0 ? cache?.get(key) : undefined;
  if (!hit) return undefined;
  cache!.delete(key);
  cache!.set(key, hit);
  return structuredClone(hit);
}

async function runSearch(db: Executor, params: SearchParams): Promise<SearchResponse> {
  return inReadTransaction(db, async (trx) => {
    const state = await readState(trx);
    const key = JSON.stringify([state.generation, state.fingerprint, params]);
    const cached = recall(db, key);
    if (cached) return cached;
    const ref = await reference(db, trx, state.fingerprint);
    const parsed = parseSearchQuery(params.q, ref.synonyms);
    const f = resolveFilters(params, ref);
    const { match } = parsed;
    const sort = match ? params.sort : "newest";
    const base = { query: parsed.text, searched: match !== null, sort, pageSize: SEARCH_PAGE_SIZE, filters: appliedFilters(f, ref) };
    try {
      const facets = await loadFacetIndex(db, trx, state.generation);
      let { counts, passing } = facets.count(match ? await matchingIds(trx, match) : null, f);
      const allWordsTotal = counts.total;
      const directPassing = passing;
      // A topic with a broader one: what is about the broader topic comes after the direct matches.
      const broader = match ? await widenedMatches(trx, parsed, ref, facets, f, allWordsTotal) : null;
      if (broader) ({ counts, passing } = broader);
      // No document holds every part: show those that hold most of them.
      const held = match && counts.total === 0 ? await partsHeldBy(trx, parsed) : null;
      if (held?.size) ({ counts, passing } = facets.count(Array.from(held.keys()), f));
      const partial = held !== null && counts.total > 0;
      const total = counts.total;
      const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
      const page = Math.min(params.page, pageCount);
      const offset = (page - 1) * SEARCH_PAGE_SIZE;
      const ids =
        total === 0
          ? []
          : !match
            ? Array.from(passing.subarray(offset, offset + SEARCH_PAGE_SIZE))
            : sort === "newest"
              ? facets.newestFirst(passing, offset, SEARCH_PAGE_SIZE)
              : partial
                ? await partialPage(trx, parsed, held!, passing, offset)
                : broader
                  ? await widenedPage(trx, match, broader.match, hasFilters(f) ? { direct: directPassing, all: passing } : null, allWordsTotal, offset)
                  : await relevancePage(trx, match, hasFilters(f) ? passing : null, offset);
      const shownMatch = partial ? anyPartFts5(parsed.parts) : broader ? broader.match : match;
      const results = await loadResults(trx, ids, { ...parsed, match: shownMatch });
      const suggestion =
        match && allWordsTotal < SUGGEST_BELOW ? await suggest(trx, parsed, f, { allWords: allWordsTotal, shown: total }, ref, facets) : null;
      const response: SearchResponse = {
        ...base, total, page, pageCount, results, facets: buildFacets(counts, f, ref), suggestion, partial,
        alsoAbout: broader?.topics ?? [],
      };
      remember(db, key, response);
      return structuredClone(response);
    } catch (error) {
      // Every word is quoted, so this should never happen; if some input still
      // upsets FTS5, the person gets no results rather than an error page.
      if (!isFts5QueryError(error)) throw error;
      return { ...base, total: 0, page: 1, pageCount: 1, results: [], facets: NO_FACETS, suggestion: null, partial: false, alsoAbout: [] };
    }
  });
}

export const sqliteSearchBackend: SearchBackend = {
  name: "sqlite-fts5",

  indexPracticeEntry(db, entryId) {
    return inTransaction(db, (trx) => sync(trx, PRACTICE, only(entryId)));
  },

  indexEventSession(db, sessionId) {
    return inTransaction(db, (trx) => sync(trx, SESSIONS, only(sessionId)));
  },

  reindexTag(db, tagId) {
    return inTransaction(db, async (trx) => {
      await sync(trx, PRACTICE, within(sql`select entry_id from practice_entry_tags where tag_id = ${tagId}`));
      await sync(trx, SESSIONS, within(sql`select event_session_id from event_session_tags where tag_id = ${tagId}`));
    });
  },

  reindexOrganisation(db, organisationId) {
    return inTransaction(db, (trx) => sync(trx, PRACTICE, within(sql`select id from practice_entries where organisation_id = ${organisationId}`)));
  },

  async rebuild(db) {
    const counts = await inTransaction(db, async (trx) => {
      await sql`delete from search_document_tags`.execute(trx);
      await sql`delete from search_documents`.execute(trx);
      await sql`delete from search_terms`.execute(trx);
      await sync(trx, PRACTICE, everything, { vocabularyBefore: false });
      await sync(trx, SESSIONS, everything, { vocabularyBefore: false });
      return countDocuments(trx);
    });
    // Merge the index into one b-tree: fastest to query.
    if (!db.isTransaction) {
      await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db);
    }
    return counts;
  },

  async isComplete(db) {
    const { rows } = await sql<{ ok: number }>`
      select (select count(*) from search_documents where kind = 'practice')
               = (select count(*) from practice_entries e where ${LIVE})
         and (select count(*) from search_documents where kind = 'session')
               = (select count(*) from event_sessions) as ok`.execute(db);
    return rows[0].ok === 1;
  },

  search: runSearch,
};
