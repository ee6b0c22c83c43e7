import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { StatusTag } from "~/components/admin/status-tag";
import { SuccessBanner } from "~/components/admin/success-banner";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { listTags } from "~/models/tag.server";
import { savedIdFrom } from "~/schemas/admin-common";

export const meta: MetaFunction = () => [{ title: "Tags - Administration - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const tags = await listTags(getDb());
  const savedId = savedIdFrom(request);
  return {
    tags: tags.map((t) => ({ id: t.id, label: t.label, synonyms: t.synonyms, active: t.active === 1 })),
    saved: tags.find((t) => t.id === savedId)?.label ?? null,
  };
}

export default function AdminTags() {
  const { tags, saved } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminBreadcrumbs />
      {saved ? <SuccessBanner>The tag {saved} has been saved.</SuccessBanner> : null}
      <h1 className="govuk-heading-xl">Tags</h1>
      <p className="govuk-body">
        Search treats each of a tag&apos;s other words as the tag itself. Tags are never deleted; untick &ldquo;Show this
        tag&rdquo; to retire one.
      </p>
      <Link to="/admin/tags/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        Add a tag
      </Link>
      <div className="app-table-wrapper">
        <table className="govuk-table" data-testid="tags-table">
          <caption className="govuk-table__caption govuk-table__caption--m">All tags</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Label</th>
              <th scope="col" className="govuk-table__header">Other words</th>
              <th scope="col" className="govuk-table__header">Shown</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {tags.map((t) => (
              <tr key={t.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/admin/tags/${t.id}`}>
                    {t.label}
                  </Link>
                </td>
                <td className="govuk-table__cell">{t.synonyms.length ? t.synonyms.join(", ") : "None"}</td>
                <td className="govuk-table__cell">
                  <StatusTag on={t.active} onText="Yes" offText="No" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
