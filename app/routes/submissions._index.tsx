import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SuccessBanner } from "~/components/admin/success-banner";
import { StatusTag } from "~/components/practice/status-tag";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { formatUkDateTime } from "~/lib/uk-time";
import { listEntriesForOrganisation } from "~/models/practice.server";

export const meta: MetaFunction = () => [{ title: "Your organisation's entries - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "force_lead");
  const entries = await listEntriesForOrganisation(getDb(), user.organisationId!);
  return {
    organisationName: user.organisationName,
    deleted: new URL(request.url).searchParams.get("deleted") === "1",
    entries: entries.map((e) => ({ ...e, updated: formatUkDateTime(e.updated_at) })),
  };
}

export default function Submissions() {
  const { organisationName, entries, deleted } = useLoaderData<typeof loader>();
  return (
    <>
      {deleted ? <SuccessBanner>The draft has been deleted.</SuccessBanner> : null}
      <span className="govuk-caption-l">{organisationName}</span>
      <h1 className="govuk-heading-xl">Your organisation&apos;s entries</h1>
      <p className="govuk-body">
        Entries written by anyone in {organisationName}. Colleagues in your organisation can open and finish each
        other&apos;s drafts.
      </p>
      <Link className="govuk-button" data-module="govuk-button" to="/submissions/new">
        Write up an initiative
      </Link>
      {entries.length === 0 ? (
        <p className="govuk-body">Your organisation has no practice entries yet.</p>
      ) : (
        <div className="app-table-wrapper">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Entries</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Title</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header">Last changed</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {entries.map((e) => (
                <tr key={e.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/submissions/${e.id}`}>
                      {e.title || "Untitled draft"}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    <StatusTag status={e.status} />
                  </td>
                  <td className="govuk-table__cell">
                    {e.updated}
                    {e.changed_by_name ? ` by ${e.changed_by_name}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
