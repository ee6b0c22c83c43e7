import type { DB } from "~/db.server";
import { normaliseSearchParams, type SearchParams } from "~/lib/search-query";
import { sqliteSearchBackend } from "./search/sqlite.server";
import type { Executor, RebuildCounts, SearchBackend, SearchResponse } from "./search/types";

// Search over published practice entries and the Week of Action sessions.
//
// The rest of the app talks to search only through these functions. The
// engine behind them is a SearchBackend; today SQLite FTS5
// (./search/sqlite.server.ts, the one place with FTS5 SQL). A PostgreSQL
// backend can implement the same interface and be chosen here.
//
// The index holds copies of published data, so whatever changes what the
// public sees must tell it, in the same transaction:
// - after a publish or an archive (entry-workflow applyTransition): indexPracticeEntry(trx, entryId)
// - after a session listing changes: indexEventSession(trx, sessionId)
// - after a tag is renamed, retired or brought back: reindexTag(db, tagId)
// - after an organisation is renamed or changes region: reindexOrganisation(db, organisationId)
// - at start-up: ensureSearchIndex(db) (rebuilds when the index is empty or out of step)
//
// Speed: the engine only finds and ranks matches; facet counts come from a
// compact in-memory table of every document's facets, and whole answers are
// kept for repeated searches. Both are per database and are dropped as soon as
// the index (or the tag, synonym or organisation lists) change.
// setSearchCacheSize(0) turns the answer cache off, e.g. to measure cold searches.

export type { Executor, FacetValue, RebuildCounts, SearchBackend, SearchFacets, SearchResponse, SearchResult } from "./search/types";
export type { SearchParams, SearchSort, SearchType } from "~/lib/search-query";
export { normaliseSearchParams, searchParamsFromUrl, searchParamsToUrl, SEARCH_PAGE_SIZE } from "~/lib/search-query";
export { setSearchCacheSize, TYPE_LABELS } from "./search/sqlite.server";

export const searchBackend: SearchBackend = sqliteSearchBackend;

/**
 * Puts a practice entry's live published version in the index, or takes the
 * entry out if it is not live (never published, or archived). Reads the
 * published revision only, never a draft of an update. Idempotent. Pass the
 * transaction when called inside one.
 */
export function indexPracticeEntry(db: Executor, entryId: number): Promise<void> {
  return searchBackend.indexPracticeEntry(db, entryId);
}

/** Puts a session in the index as it is listed now (or removes it if it is gone). Idempotent. */
export function indexEventSession(db: Executor, sessionId: number): Promise<void> {
  return searchBackend.indexEventSession(db, sessionId);
}

/** Re-indexes the entries and sessions that carry a tag, e.g. after it is renamed or retired. */
export function reindexTag(db: Executor, tagId: number): Promise<void> {
  return searchBackend.reindexTag(db, tagId);
}

/** Re-indexes an organisation's live entries, e.g. after it is renamed. */
export function reindexOrganisation(db: Executor, organisationId: number): Promise<void> {
  return searchBackend.reindexOrganisation(db, organisationId);
}

/** Builds the whole index again from published entries and all sessions. */
export function rebuildSearchIndex(db: DB): Promise<RebuildCounts> {
  return searchBackend.rebuild(db);
}

/** Rebuilds the index if it is empty or does not match the published data; true if it did. */
export async function ensureSearchIndex(db: DB): Promise<boolean> {
  if (await searchBackend.isComplete(db)) return false;
  await searchBackend.rebuild(db);
  return true;
}

/**
 * Searches published practice and sessions. Accepts anything (it is
 * normalised first): any query text is safe and answers with results, never
 * an error. An empty query lists everything, newest first.
 */
export function search(db: DB, params: Partial<Record<keyof SearchParams, unknown>>): Promise<SearchResponse> {
  return searchBackend.search(db, normaliseSearchParams(params));
}
