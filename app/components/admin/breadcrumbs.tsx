import { Link } from "@remix-run/react";

/** GOV.UK breadcrumbs for the administration screens, starting at the admin home. */
export function AdminBreadcrumbs({ items = [] }: { items?: { to: string; label: string }[] }) {
  const trail = [{ to: "/admin", label: "Administration" }, ...items];
  return (
    <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {trail.map((item) => (
          <li key={item.to} className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" to={item.to}>
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
