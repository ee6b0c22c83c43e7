import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { formatUkDateTime } from "~/lib/uk-time";
import { listRecentAdminActions } from "~/models/admin-audit.server";
import { listEventSessions } from "~/models/event-session.server";

export const meta: MetaFunction = () => [{ title: "Administration - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const db = getDb();
  const sessions = await listEventSessions(db);
  const actions = await listRecentAdminActions(db, 10);
  return {
    warnings: sessions
      .filter((s) => s.dataWarnings.length > 0)
      .map((s) => ({ id: s.id, title: s.title, warnings: s.dataWarnings })),
    actions: actions.map((a) => ({ ...a, when: formatUkDateTime(a.created_at) })),
  };
}

const SECTIONS = [
  { to: "/admin/users", title: "Accounts", text: "Create accounts for force leads, reviewers and administrators, and disable them." },
  { to: "/admin/organisations", title: "Organisations", text: "Police forces, units and partners, and their regions." },
  { to: "/admin/tags", title: "Tags", text: "The topic tags and the other words people use for them." },
  { to: "/admin/sessions", title: "Week of Action sessions", text: "Listings for the week's talks, booking and recording links." },
];

export default function AdminHome() {
  const { warnings, actions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-xl">Administration</h1>
      {warnings.length > 0 ? (
        <div className="govuk-warning-text" data-testid="data-warnings">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Some session listings have facts to check:
            <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2">
              {warnings.map((w) => (
                <li key={w.id}>
                  <Link className="govuk-link" to={`/admin/sessions/${w.id}`}>
                    {w.title}
                  </Link>
                  : {w.warnings.join(" ")}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <div className="govuk-grid-row">
        {SECTIONS.map((s) => (
          <div key={s.to} className="govuk-grid-column-one-half">
            <h2 className="govuk-heading-m">
              <Link className="govuk-link" to={s.to}>
                {s.title}
              </Link>
            </h2>
            <p className="govuk-body">{s.text}</p>
          </div>
        ))}
      </div>
      <h2 className="govuk-heading-m">Recent changes</h2>
      {actions.length === 0 ? (
        <p className="govuk-body">No changes yet.</p>
      ) : (
        <ul className="govuk-list">
          {actions.map((a) => (
            <li key={a.id}>
              {a.when}: {a.actor_name} {a.action} {a.subject}
              {a.detail ? ` (${a.detail})` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
