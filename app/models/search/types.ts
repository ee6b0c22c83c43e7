import type { Kysely } from "kysely";
import type { SearchParams, SearchSort, SearchType } from "~/lib/search-query";
import type { Database, EvidenceLabel } from "../../../db/schema";

export type { SearchParams, SearchSort, SearchType };

/** A connection or a transaction: indexing can join the caller's transaction. */
export type Executor = Kysely<Database>;

export interface SearchResult {
  type: SearchType;
  /** "Case study" or "Week of Action session". */
  typeLabel: string;
  slug: string;
  title: string;
  /**
   * A short extract as HTML: the matched words inside <mark>, everything else
   * escaped. Safe to render as HTML whatever the stored text holds.
   */
  snippet: string;
  tags: { slug: string; label: string }[];
  /** The submitting organisation (practice only). */
  organisation: { slug: string; name: string } | null;
  region: string | null;
  evidence: EvidenceLabel | null;
  /** The evidence label as shown to people, e.g. "Promising". */
  evidenceLabel: string | null;
  /** "/practice/<slug>" or "/week-of-action/<slug>". */
  url: string;
  /** ISO 8601: when a practice entry was published, when a session starts. */
  date: string;
  /** Sessions only, ISO 8601 (UTC). */
  startsAt?: string;
  endsAt?: string;
  /** Sessions only: day and time in UK time, e.g. "Monday 15 June 2026, midday to 1pm". */
  when?: string;
}

export interface FacetValue {
  value: string;
  label: string;
  /** Results with this value, given every other facet's choices. */
  count: number;
  selected: boolean;
}

export interface SearchFacets {
  type: FacetValue[];
  tag: FacetValue[];
  organisation: FacetValue[];
  region: FacetValue[];
  evidence: FacetValue[];
}

export interface SearchResponse {
  /** The query as searched (capped at 500 characters). */
  query: string;
  /** False when the query held no words (empty, or only symbols): everything is listed, newest first. */
  searched: boolean;
  sort: SearchSort;
  total: number;
  /** 1-based; a page past the end is brought back to the last page. */
  page: number;
  pageSize: number;
  pageCount: number;
  results: SearchResult[];
  facets: SearchFacets;
  /** The filters that were applied: unknown values in the request are dropped. */
  filters: Omit<SearchParams, "q" | "sort" | "page">;
  /** A respelt query that finds more, when this one finds fewer than 3. */
  suggestion: string | null;
  /**
   * True when no result holds every word of the query, so the results are
   * those holding most of them (most words first, then relevance).
   */
  partial: boolean;
  /**
   * Broader topics of a topic the query names ("knife crime" is a kind of
   * serious violence), when results about them are listed after the direct ones.
   */
  alsoAbout: { slug: string; label: string }[];
}

export interface RebuildCounts {
  practice: number;
  sessions: number;
}

/**
 * What a search engine must do for the app. SQLite FTS5 implements it today
 * (./sqlite.server.ts); a PostgreSQL version (tsvector, ts_rank_cd with
 * setweight A-D, ts_headline, pg_trgm for suggestions) can sit beside it.
 * Every method that writes takes the caller's connection or transaction.
 */
export interface SearchBackend {
  readonly name: string;
  /** Indexes a live published entry from its published revision, or removes it from the index. Idempotent. */
  indexPracticeEntry(db: Executor, entryId: number): Promise<void>;
  /** Indexes a session as listed now, or removes it if it no longer exists. Idempotent. */
  indexEventSession(db: Executor, sessionId: number): Promise<void>;
  /** Re-indexes everything that carries a tag (after it is renamed, retired or brought back). */
  reindexTag(db: Executor, tagId: number): Promise<void>;
  /** Re-indexes an organisation's entries (after it is renamed or moves region). */
  reindexOrganisation(db: Executor, organisationId: number): Promise<void>;
  /** Empties the index and builds it again from the published data. */
  rebuild(db: Executor): Promise<RebuildCounts>;
  /** True when the index holds exactly one document per live entry and per session. */
  isComplete(db: Executor): Promise<boolean>;
  search(db: Executor, params: SearchParams): Promise<SearchResponse>;
}
