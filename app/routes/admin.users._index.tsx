import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { AccountStatusTag } from "~/components/admin/account-status-tag";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { ROLE_LABELS } from "~/lib/permissions";
import { listUsers } from "~/models/user.server";

export const meta: MetaFunction = () => [{ title: "Accounts - Administration - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const users = await listUsers(getDb());
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: ROLE_LABELS[u.role],
      organisation: u.organisation_name,
      disabled: u.disabled_at !== null,
      invited: Boolean(u.invited),
    })),
  };
}

export default function AdminUsers() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminBreadcrumbs />
      <h1 className="govuk-heading-xl">Accounts</h1>
      <p className="govuk-body">
        Accounts are never deleted. Disable an account to stop someone signing in; it signs them out everywhere at once.
        An invited person shows as invited until they have chosen their password.
      </p>
      <Link to="/admin/users/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        Invite someone
      </Link>
      <div className="app-table-wrapper">
        <table className="govuk-table" data-testid="users-table">
          <caption className="govuk-table__caption govuk-table__caption--m">All accounts</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Email address</th>
              <th scope="col" className="govuk-table__header">Role</th>
              <th scope="col" className="govuk-table__header">Organisation</th>
              <th scope="col" className="govuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {users.map((u) => (
              <tr key={u.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/admin/users/${u.id}`}>
                    {u.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">{u.email}</td>
                <td className="govuk-table__cell">{u.role}</td>
                <td className="govuk-table__cell">{u.organisation ?? "None"}</td>
                <td className="govuk-table__cell">
                  <AccountStatusTag disabled={u.disabled} invited={u.invited} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
