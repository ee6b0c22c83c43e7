import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusTag } from "~/components/practice/status-tag";
import { requireOwnEntry } from "~/lib/entry-access.server";
import { formatUkDateTime } from "~/lib/uk-time";
import { canEdit } from "~/lib/workflow";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title || "Entry"} - Neighbourhood policing practice bank` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await requireOwnEntry(request, params);
  return {
    id: entry.id,
    title: entry.revision.title,
    status: entry.status,
    organisationName: entry.organisationName,
    editable: canEdit(entry.status, { role: "force_lead", ownsEntry: true }),
    lastSaved: `${formatUkDateTime(entry.revision.updatedAt)} by ${entry.revision.updatedByName}`,
    submittedAt: entry.submittedAt ? formatUkDateTime(entry.submittedAt) : null,
    justSubmitted: new URL(request.url).searchParams.get("submitted") === "1",
  };
}

export default function EntryOverview() {
  const e = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {e.justSubmitted ? (
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Entry submitted for review</h1>
            <div className="govuk-panel__body">The College&apos;s practice team will review it.</div>
          </div>
        ) : null}
        <span className="govuk-caption-l">{e.organisationName}</span>
        {e.justSubmitted ? (
          <h2 className="govuk-heading-l">{e.title || "Untitled draft"}</h2>
        ) : (
          <h1 className="govuk-heading-xl">{e.title || "Untitled draft"}</h1>
        )}
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">
              <StatusTag status={e.status} />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Last saved</dt>
            <dd className="govuk-summary-list__value">{e.lastSaved}</dd>
          </div>
          {e.submittedAt ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Submitted</dt>
              <dd className="govuk-summary-list__value">{e.submittedAt}</dd>
            </div>
          ) : null}
        </dl>
        <div className="govuk-button-group">
          {e.editable ? (
            <Link className="govuk-button" data-module="govuk-button" to={`/submissions/${e.id}/edit`}>
              Continue editing
            </Link>
          ) : null}
          <Link className="govuk-link" to={`/submissions/${e.id}/preview`}>
            Preview
          </Link>
          <Link className="govuk-link" to="/submissions">
            All your organisation&apos;s entries
          </Link>
        </div>
      </div>
    </div>
  );
}
