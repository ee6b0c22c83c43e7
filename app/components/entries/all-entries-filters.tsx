import { Form, Link } from "@remix-run/react";
import { Checkboxes, Select } from "~/components/form/fields";

export interface AllEntriesChoices {
  states: { value: string; label: string }[];
  evidence: { value: string; label: string }[];
  organisations: { value: string; label: string }[];
  regions: { value: string; label: string }[];
  tags: { value: string; label: string }[];
  sorts: { value: string; label: string }[];
}

export interface AllEntriesSelection {
  q: string;
  state: string[];
  evidence: string[];
  organisation: string;
  region: string;
  tag: string;
  sort: string;
}

/** A plain GET form, so the list works without JavaScript and a search can be bookmarked. Keyed by the address. */
export function AllEntriesFilters({ choices, selected }: { choices: AllEntriesChoices; selected: AllEntriesSelection }) {
  return (
    <Form method="get" action="/review/entries" aria-labelledby="entries-filters-heading">
      <h2 className="govuk-heading-m" id="entries-filters-heading">
        Find entries
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="q">
              Title contains
            </label>
            <input className="govuk-input" id="q" name="q" type="search" defaultValue={selected.q} maxLength={200} />
          </div>
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Checkboxes name="state" label="Status" hint="Leave all unticked to see every status." options={choices.states} defaultValue={selected.state} small />
        </div>
        <div className="govuk-grid-column-one-third">
          <Checkboxes name="evidence" label="Evidence" options={choices.evidence} defaultValue={selected.evidence} small />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select name="organisation" label="Organisation" options={choices.organisations} placeholder="All organisations" defaultValue={selected.organisation} />
          <Select name="region" label="Region" options={choices.regions} placeholder="All regions" defaultValue={selected.region} />
          <Select name="tag" label="Topic" options={choices.tags} placeholder="All topics" defaultValue={selected.tag} />
          <Select name="sort" label="Sort by" options={choices.sorts} defaultValue={selected.sort} />
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Search entries
        </button>
        <Link className="govuk-link" to="/review/entries">
          Clear search
        </Link>
      </div>
    </Form>
  );
}
