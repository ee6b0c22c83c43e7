import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { StatusTag } from "~/components/admin/status-tag";
import { SuccessBanner } from "~/components/admin/success-banner";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { listOrganisations, ORGANISATION_KINDS } from "~/models/organisation.server";
import { savedIdFrom } from "~/schemas/admin-common";

export const meta: MetaFunction = () => [{ title: "Organisations - Administration - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const organisations = await listOrganisations(getDb());
  const savedId = savedIdFrom(request);
  return {
    organisations: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      kind: ORGANISATION_KINDS[o.kind],
      region: o.region,
      active: o.active === 1,
    })),
    saved: organisations.find((o) => o.id === savedId)?.name ?? null,
  };
}

export default function AdminOrganisations() {
  const { organisations, saved } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminBreadcrumbs />
      {saved ? <SuccessBanner>{saved} has been saved.</SuccessBanner> : null}
      <h1 className="govuk-heading-xl">Organisations</h1>
      <p className="govuk-body">
        Organisations are never deleted. To stop new entries from one, edit it and untick &ldquo;Accepting new entries&rdquo;.
      </p>
      <Link to="/admin/organisations/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        Add an organisation
      </Link>
      <div className="app-table-wrapper">
        <table className="govuk-table" data-testid="organisations-table">
          <caption className="govuk-table__caption govuk-table__caption--m">All organisations</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Kind</th>
              <th scope="col" className="govuk-table__header">Region</th>
              <th scope="col" className="govuk-table__header">Accepting new entries</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {organisations.map((o) => (
              <tr key={o.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/admin/organisations/${o.id}`}>
                    {o.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{o.kind}</td>
                <td className="govuk-table__cell">{o.region}</td>
                <td className="govuk-table__cell">
                  <StatusTag on={o.active} onText="Yes" offText="No" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
