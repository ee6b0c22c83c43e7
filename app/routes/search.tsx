import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Pagination } from "~/components/pagination";
import { FacetFilters } from "~/components/search/facet-filters";
import { NoResults, ResultList } from "~/components/search/result-list";
import { useLiveSearch } from "~/components/search/use-live-search";
import { getDb } from "~/db.server";
import { getUser } from "~/lib/auth.server";
import { examplesHint, SEARCH_PAGE_EXAMPLES } from "~/lib/search-examples";
import { presentSearch } from "~/lib/search-presentation.server";
import { searchParamsFromUrl, searchParamsToUrl, type SearchParams } from "~/lib/search-query";
import { search } from "~/models/search.server";

// Search over published practice and the Week of Action sessions. Every choice
// is in the URL, so a search can be shared and works without JavaScript; with
// JavaScript the results follow the box and the filters as they change.

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Search - Neighbourhood policing practice bank" }];
  const page = data.view.page > 1 ? ` (page ${data.view.page})` : "";
  const what = data.view.searched ? `Search results for ‘${data.view.query}’` : "Search";
  return [{ title: `${what}${page} - Neighbourhood policing practice bank` }];
};

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = searchParamsFromUrl(new URL(request.url).searchParams);
  const response = await search(getDb(), params);
  const signedIn = (await getUser(request)) !== null;
  const applied: SearchParams = { ...params, ...response.filters, q: response.query, sort: response.sort, page: response.page };
  return data(
    { view: presentSearch(response), applied },
    // Signed-in pages carry the person's name in the header, so only signed-out ones may be shared by caches.
    { headers: { "Cache-Control": signedIn ? "private, no-cache" : "public, max-age=60", Vary: "Cookie" } },
  );
}

function resultCount(total: number, query: string, searched: boolean) {
  const n = total === 0 ? "No results" : `${total.toLocaleString("en-GB")} ${total === 1 ? "result" : "results"}`;
  return searched ? `${n} for ‘${query}’` : n;
}

export default function Search() {
  const { view, applied } = useLoaderData<typeof loader>();
  const formRef = useRef<HTMLFormElement>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const live = useLiveSearch(formRef, queryRef, view.query);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const urlWith = (changes: Partial<SearchParams>) => {
    const query = searchParamsToUrl({ ...applied, page: 1, ...changes }).toString();
    return query ? `/search?${query}` : "/search";
  };

  return (
    <>
      <h1 className="govuk-heading-xl">Search</h1>
      <form ref={formRef} method="get" action="/search" onSubmit={live.onSubmit} noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <div role="search" className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="search-q">
                Search practice and Week of Action talks
              </label>
              <div id="search-q-hint" className="govuk-hint">
                {examplesHint(SEARCH_PAGE_EXAMPLES, ", or ")} in quotes for those exact words
              </div>
              <div className="app-search-form">
                <input
                  ref={queryRef}
                  className="govuk-input"
                  id="search-q"
                  name="q"
                  type="search"
                  defaultValue={view.query}
                  aria-describedby="search-q-hint"
                  aria-controls="search-results"
                  maxLength={500}
                  autoComplete="off"
                  onInput={live.onQueryInput}
                />
                <button type="submit" className="govuk-button">
                  Search
                </button>
              </div>
            </div>
          </div>
        </div>

        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <h2 className="govuk-heading-m">Filter results</h2>
            {view.filtersApplied > 0 ? (
              <p className="govuk-body">
                <Link className="govuk-link" to={urlWith({ types: [], tags: [], organisations: [], regions: [], evidence: [] })}>
                  Clear filters<span className="govuk-visually-hidden"> ({view.filtersApplied} applied)</span>
                </Link>
              </p>
            ) : null}
            <FacetFilters facets={view.facets} onChange={live.onFilterChange} />
            <button type="submit" className="govuk-button govuk-button--secondary">
              Apply filters
            </button>
          </div>

          <div className="govuk-grid-column-two-thirds" id="search-results" aria-busy={live.loading}>
            <h2 className="govuk-visually-hidden">Results</h2>
            <div className="app-search-summary">
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1" role="status" data-testid="result-count">
                {resultCount(view.total, view.query, view.searched)}
              </p>
              <div className="govuk-form-group app-search-sort">
                <label className="govuk-label govuk-!-display-inline govuk-!-margin-right-2" htmlFor="search-sort">
                  Sort by
                </label>
                <select className="govuk-select" id="search-sort" name="sort" defaultValue={view.sort} onChange={live.onFilterChange}>
                  <option value="relevance">Most relevant</option>
                  <option value="newest">Newest</option>
                </select>
                {hydrated ? null : (
                  <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-left-2 govuk-!-margin-bottom-0">
                    Sort
                  </button>
                )}
              </div>
            </div>
            {view.total > 0 ? (
              <p className="govuk-body-s govuk-!-margin-bottom-4">
                Showing {view.firstShown.toLocaleString("en-GB")} to {view.lastShown.toLocaleString("en-GB")} of {view.total.toLocaleString("en-GB")}
                {view.searched ? "" : ", newest first"}
              </p>
            ) : null}
            {view.notes.length ? (
              <div className="govuk-inset-text govuk-!-margin-top-0" data-testid="search-notes">
                {view.notes.map((note) => (
                  <p key={note} className="govuk-body">
                    {note}
                  </p>
                ))}
              </div>
            ) : null}
            {view.suggestion ? (
              <p className="govuk-body" data-testid="suggestion">
                Did you mean{" "}
                <Link className="govuk-link" to={urlWith({ q: view.suggestion })}>
                  {view.suggestion}
                </Link>
                ?
              </p>
            ) : null}
            <div className={live.loading ? "app-search-results--loading" : undefined}>
              {view.results.length ? <ResultList results={view.results} /> : <NoResults filtered={view.filtersApplied > 0} />}
            </div>
            <Pagination page={view.page} pageCount={view.pageCount} hrefFor={(page) => urlWith({ page })} />
          </div>
        </div>
      </form>
    </>
  );
}
