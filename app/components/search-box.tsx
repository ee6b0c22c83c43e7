import { Form } from "@remix-run/react";
import { examplesHint, HOME_SEARCH_EXAMPLES } from "~/lib/search-examples";

export function SearchBox({ defaultValue = "", large = false }: { defaultValue?: string; large?: boolean }) {
  return (
    <Form method="get" action="/search" role="search" className="govuk-form-group">
      <label className={large ? "govuk-label govuk-label--m" : "govuk-label"} htmlFor="search-q">
        Search practice and Week of Action talks
      </label>
      <div id="search-q-hint" className="govuk-hint">
        {examplesHint(HOME_SEARCH_EXAMPLES)}
      </div>
      <div className="app-search-form">
        <input
          className="govuk-input"
          id="search-q"
          name="q"
          type="search"
          defaultValue={defaultValue}
          aria-describedby="search-q-hint"
          maxLength={500}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Search
        </button>
      </div>
    </Form>
  );
}
