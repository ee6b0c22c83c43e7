import { Link, useLocation } from "@remix-run/react";
import type { ResultView } from "~/lib/search-presentation.server";

export function ResultList({ results }: { results: ResultView[] }) {
  // The case study offers "Back to search results" to this very search.
  const { pathname, search } = useLocation();
  const fromSearch = `${pathname}${search}`;
  return (
    <ol className="app-search-results" data-testid="search-results">
      {results.map((r) => (
        <li key={`${r.type}:${r.url}`} className="app-search-result">
          <p className="govuk-caption-m app-search-result__type">{r.typeLabel}</p>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
            <Link className="govuk-link" to={r.url} state={{ fromSearch }}>
              {r.title}
            </Link>
          </h3>
          {/* The snippet is built by the search module from escaped text with only <mark> added. */}
          <p className="govuk-body app-search-result__snippet" dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />
          <ul className="govuk-list govuk-body-s app-search-result__meta">
            {r.where ? <li>{r.where}</li> : null}
            <li>
              <time dateTime={r.dateTime}>{r.when}</time>
            </li>
            {r.evidenceLabel ? <li>Evidence: {r.evidenceLabel}</li> : null}
            {r.tags.length ? <li>Topics: {r.tags.join(", ")}</li> : null}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** GOV.UK's advice when a search finds nothing. */
export function NoResults({ filtered }: { filtered: boolean }) {
  return (
    <div data-testid="no-results">
      <p className="govuk-body">There are no matching results.</p>
      <p className="govuk-body">Improve your search results by:</p>
      <ul className="govuk-list govuk-list--bullet">
        {filtered ? <li>removing filters</li> : null}
        <li>double-checking your spelling</li>
        <li>using fewer keywords</li>
        <li>searching for something less specific</li>
      </ul>
    </div>
  );
}
