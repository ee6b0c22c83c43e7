import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
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
    entries: entries.map((e) => ({ ...e, updated: formatUkDateTime(e.updated_at) })),
  };
}

export default function Submissions() {
  const { organisationName, entries } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{organisationName}</span>
      <h1 className="govuk-heading-xl">Your organisation&apos;s entries</h1>
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
                  <td className="govuk-table__cell">{e.title || "Untitled draft"}</td>
                  <td className="govuk-table__cell">{e.status.replace(/_/g, " ")}</td>
                  <td className="govuk-table__cell">{e.updated}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
