import type { SearchResponse, SearchResult } from "~/models/search/types";

// The public JSON shape of /api/search, documented in README ("Open data").
// Every field is copied by name rather than passing SearchResponse through,
// so a field added to search for the page does not silently become part of
// the published API.

/** A result as SearchResult has it, except that the organisation is a name and the URL absolute. */
export type ApiSearchResult = Omit<SearchResult, "organisation" | "url"> & {
  /** The organisation's name (practice), or null (sessions). */
  organisation: string | null;
  /** The organisation's slug, for the `organisation` parameter. */
  organisationSlug: string | null;
  /** The page's absolute URL. */
  url: string;
};

export interface ApiSearchResponse {
  query: string;
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  sort: SearchResponse["sort"];
  results: ApiSearchResult[];
  facets: Record<keyof SearchResponse["facets"], { value: string; label: string; count: number; selected: boolean }[]>;
  suggestion: string | null;
  /** True when no result holds every word, so these hold most of them. */
  partial: boolean;
  /** Broader topics whose results follow the direct ones, as { slug, label }. */
  alsoAbout: { slug: string; label: string }[];
}

function result(r: SearchResult, origin: string): ApiSearchResult {
  const out: ApiSearchResult = {
    type: r.type,
    typeLabel: r.typeLabel,
    slug: r.slug,
    title: r.title,
    snippet: r.snippet,
    tags: r.tags.map((t) => ({ slug: t.slug, label: t.label })),
    organisation: r.organisation?.name ?? null,
    organisationSlug: r.organisation?.slug ?? null,
    region: r.region,
    evidence: r.evidence,
    evidenceLabel: r.evidenceLabel,
    url: origin + r.url,
    date: r.date,
  };
  if (r.type === "session") Object.assign(out, { startsAt: r.startsAt, endsAt: r.endsAt, when: r.when });
  return out;
}

export function searchJson(response: SearchResponse, origin: string): ApiSearchResponse {
  const facets = {} as ApiSearchResponse["facets"];
  for (const [name, values] of Object.entries(response.facets) as [keyof SearchResponse["facets"], SearchResponse["facets"]["type"]][]) {
    facets[name] = values.map((v) => ({ value: v.value, label: v.label, count: v.count, selected: v.selected }));
  }
  return {
    query: response.query,
    total: response.total,
    page: response.page,
    pageSize: response.pageSize,
    pageCount: response.pageCount,
    sort: response.sort,
    results: response.results.map((r) => result(r, origin)),
    facets,
    suggestion: response.suggestion,
    partial: response.partial,
    alsoAbout: response.alsoAbout.map((t) => ({ slug: t.slug, label: t.label })),
  };
}
