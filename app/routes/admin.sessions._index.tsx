import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { SuccessBanner } from "~/components/admin/success-banner";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { formatUkDate, formatUkTimeRange } from "~/lib/uk-time";
import { listEventSessions } from "~/models/event-session.server";
import { savedIdFrom } from "~/schemas/admin-common";

export const meta: MetaFunction = () => [
  { title: "Week of Action sessions - Administration - Neighbourhood policing practice bank" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const sessions = await listEventSessions(getDb());
  const savedId = savedIdFrom(request);
  const saved = sessions.find((s) => s.id === savedId);
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      day: formatUkDate(s.startsAt),
      time: formatUkTimeRange(s.startsAt, s.endsAt),
      hasRecording: Boolean(s.recordingUrl),
      warningCount: s.dataWarnings.length,
    })),
    saved: saved ? { title: saved.title, slug: saved.slug } : null,
  };
}

export default function AdminSessions() {
  const { sessions, saved } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminBreadcrumbs />
      {saved ? (
        <SuccessBanner>
          The listing for {saved.title} has been saved.{" "}
          <Link className="govuk-notification-banner__link" to={`/week-of-action/${saved.slug}`}>
            View the public page
          </Link>
        </SuccessBanner>
      ) : null}
      <h1 className="govuk-heading-xl">Week of Action sessions</h1>
      <div className="app-table-wrapper">
        <table className="govuk-table" data-testid="sessions-table">
          <caption className="govuk-table__caption govuk-table__caption--m">All sessions, in order (UK time)</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Day and time</th>
              <th scope="col" className="govuk-table__header">Title</th>
              <th scope="col" className="govuk-table__header">Recording</th>
              <th scope="col" className="govuk-table__header">Facts to check</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {sessions.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  {s.day}
                  <br />
                  {s.time}
                </td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/admin/sessions/${s.id}`}>
                    {s.title}
                  </Link>
                </td>
                <td className="govuk-table__cell">{s.hasRecording ? "Yes" : "No"}</td>
                <td className="govuk-table__cell">
                  {s.warningCount > 0 ? (
                    <strong className="govuk-tag govuk-tag--yellow">
                      {s.warningCount} {s.warningCount === 1 ? "warning" : "warnings"}
                    </strong>
                  ) : (
                    "None"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
