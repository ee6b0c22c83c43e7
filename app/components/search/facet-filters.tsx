import type { ChangeEvent } from "react";
import type { FacetView } from "~/lib/search-presentation.server";

// The filter checkboxes: one fieldset per facet, each value with the number of
// results it would give. Several values in one facet widen the search, values
// in different facets narrow it (the search module counts them that way).

const LONG_LIST = 8;

function checkboxId(facet: string, value: string) {
  return `filter-${facet}-${value.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

export function FacetFilters({
  facets,
  onChange,
}: {
  facets: FacetView[];
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  const shown = facets.filter((f) => f.values.length > 0);
  if (shown.length === 0) return <p className="govuk-body">There is nothing to filter by.</p>;
  return (
    <>
      {shown.map((facet) => (
        <div key={facet.name} className="govuk-form-group app-facet">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{facet.legend}</legend>
            <div className={`govuk-checkboxes govuk-checkboxes--small${facet.values.length > LONG_LIST ? " app-facet__long-list" : ""}`} data-module="govuk-checkboxes">
              {facet.values.map((v) => {
                const id = checkboxId(facet.name, v.value);
                return (
                  <div key={v.value} className="govuk-checkboxes__item">
                    <input
                      className="govuk-checkboxes__input"
                      id={id}
                      name={facet.name}
                      type="checkbox"
                      value={v.value}
                      defaultChecked={v.selected}
                      onChange={onChange}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                      {v.label} <span className="app-facet__count">({v.count.toLocaleString("en-GB")})</span>
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
      ))}
    </>
  );
}
