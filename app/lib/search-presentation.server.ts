import type { FacetValue, SearchParams, SearchResponse, SearchResult } from "~/models/search.server";
import { formatUkDate } from "~/lib/uk-time";

// What the search page shows, worked out on the server so the page itself only
// lays things out: plain strings for dates and places, nothing to compute.

export interface ResultView {
  type: SearchResult["type"];
  typeLabel: string;
  url: string;
  title: string;
  /** Escaped HTML with <mark> around matched words (see app/models/search/snippet.ts). */
  snippetHtml: string;
  /** "Sussex Police, South East" for practice; the day and time for a session. */
  where: string | null;
  /** "Published 3 March 2026", or for a session its day and time. */
  when: string;
  dateTime: string;
  evidenceLabel: string | null;
  tags: string[];
}

export interface FacetView {
  name: "type" | "tag" | "organisation" | "region" | "evidence";
  legend: string;
  values: FacetValue[];
}

export interface SearchPageView {
  query: string;
  searched: boolean;
  sort: SearchParams["sort"];
  total: number;
  page: number;
  pageCount: number;
  firstShown: number;
  lastShown: number;
  results: ResultView[];
  facets: FacetView[];
  filtersApplied: number;
  suggestion: string | null;
  /** Said above the results when they are not simply the matches of every word. */
  notes: string[];
}

/** "a", "a and b", "a, b and c". */
function listInWords(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const PARTIAL_NOTE = "No results contain all of your words. Showing results that contain most of them.";

const FACET_LEGENDS: Record<FacetView["name"], string> = {
  type: "Type",
  tag: "Topic",
  evidence: "Evidence",
  region: "Region",
  organisation: "Organisation",
};

function presentResult(r: SearchResult): ResultView {
  const isSession = r.type === "session";
  return {
    type: r.type,
    typeLabel: r.typeLabel,
    url: r.url,
    title: r.title,
    snippetHtml: r.snippet,
    where: isSession ? null : [r.organisation?.name, r.region].filter(Boolean).join(", ") || null,
    when: isSession ? (r.when ?? formatUkDate(r.date)) : `Published ${formatUkDate(r.date, { weekday: false })}`,
    dateTime: isSession ? (r.startsAt ?? r.date) : r.date,
    evidenceLabel: r.evidenceLabel,
    tags: r.tags.map((t) => t.label),
  };
}

export function presentSearch(response: SearchResponse): SearchPageView {
  const { filters } = response;
  const firstShown = response.total === 0 ? 0 : (response.page - 1) * response.pageSize + 1;
  return {
    query: response.query,
    searched: response.searched,
    sort: response.sort,
    total: response.total,
    page: response.page,
    pageCount: response.pageCount,
    firstShown,
    lastShown: firstShown === 0 ? 0 : firstShown + response.results.length - 1,
    results: response.results.map(presentResult),
    facets: (["type", "tag", "evidence", "region", "organisation"] as const).map((name) => ({
      name,
      legend: FACET_LEGENDS[name],
      values: response.facets[name],
    })),
    filtersApplied:
      filters.types.length + filters.tags.length + filters.organisations.length + filters.regions.length + filters.evidence.length,
    suggestion: response.suggestion,
    notes: [
      ...(response.partial ? [PARTIAL_NOTE] : []),
      ...(response.alsoAbout.length ? [`Also showing results about ${listInWords(response.alsoAbout.map((t) => t.label))}`] : []),
    ],
  };
}
