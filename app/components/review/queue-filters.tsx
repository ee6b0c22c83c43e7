import { Form, Link } from "@remix-run/react";
import { Checkboxes, Radios, Select } from "~/components/form/fields";
import { ASSIGNED_OPTIONS, QUEUE_STATE_OPTIONS } from "~/schemas/review-queue";

export interface QueueFilterChoices {
  organisations: { value: string; label: string }[];
  regions: { value: string; label: string }[];
  tags: { value: string; label: string }[];
}

export interface QueueFilterSelection {
  state: string[];
  organisation: string;
  region: string;
  tag: string;
  assigned: string;
}

/**
 * The queue's filters as a plain GET form: the choices end up in the address,
 * so the page works the same with or without JavaScript and can be bookmarked.
 * Keyed by the address so that going back shows the choices that were used.
 */
export function QueueFilters({ choices, selected }: { choices: QueueFilterChoices; selected: QueueFilterSelection }) {
  return (
    <Form method="get" action="/review" className="app-queue-filters" aria-labelledby="filters-heading">
      <h2 className="govuk-heading-m" id="filters-heading">
        Filter the queue
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Checkboxes
            name="state"
            label="Status"
            hint="Leave both unticked to see both."
            options={[...QUEUE_STATE_OPTIONS]}
            defaultValue={selected.state}
            small
          />
          <Radios name="assigned" label="Assigned to" options={[...ASSIGNED_OPTIONS]} defaultValue={selected.assigned || "all"} small />
        </div>
        <div className="govuk-grid-column-two-thirds">
          <Select
            name="organisation"
            label="Organisation"
            options={choices.organisations}
            placeholder="All organisations"
            defaultValue={selected.organisation}
          />
          <Select name="region" label="Region" options={choices.regions} placeholder="All regions" defaultValue={selected.region} />
          <Select name="tag" label="Topic" options={choices.tags} placeholder="All topics" defaultValue={selected.tag} />
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" to="/review">
          Clear filters
        </Link>
      </div>
    </Form>
  );
}
