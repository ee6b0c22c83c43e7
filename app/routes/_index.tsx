import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SearchBox } from "~/components/search-box";
import { getDb } from "~/db.server";
import { formatUkDayAndTime } from "~/lib/uk-time";
import { listEventSessions } from "~/models/event-session.server";

export const meta: MetaFunction = () => [
  { title: "Neighbourhood policing practice bank" },
  { name: "description", content: "What works in neighbourhood policing across England and Wales, and the Week of Action 2026 talks." },
];

export async function loader() {
  const sessions = await listEventSessions(getDb());
  return {
    sessionCount: sessions.length,
    highlights: sessions.slice(0, 3).map((s) => ({
      slug: s.slug,
      title: s.title,
      when: formatUkDayAndTime(s.startsAt, s.endsAt),
    })),
  };
}

export default function Home() {
  const { sessionCount, highlights } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Neighbourhood policing practice bank</h1>
          <p className="govuk-body-l">
            Find out what has worked for neighbourhood teams in England and Wales against anti-social behaviour, shop
            theft, youth crime and more, and share what works in your force.
          </p>
          <SearchBox large />
        </div>
      </div>
      <div className="govuk-grid-row govuk-!-margin-top-6">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-l">Neighbourhood Policing Week of Action 2026</h2>
          <p className="govuk-body">
            {sessionCount} one-hour online talks ran from Monday 15 to Friday 19 June 2026. The week opened with:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {highlights.map((h) => (
              <li key={h.slug}>
                <Link className="govuk-link" to={`/week-of-action/${h.slug}`}>
                  {h.title}
                </Link>{" "}
                <span className="govuk-hint govuk-!-display-inline">({h.when})</span>
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            <Link className="govuk-link" to="/week-of-action">
              See the whole programme
            </Link>
          </p>
        </div>
        <div className="govuk-grid-column-one-third">
          <h2 className="govuk-heading-m">Share what works in your force</h2>
          <p className="govuk-body">
            Neighbourhood teams can write up an initiative for the practice bank. The College&apos;s practice team reviews
            each one before it is published.
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/submissions">
              Write up your practice
            </Link>{" "}
            (you will be asked to sign in)
          </p>
          <h2 className="govuk-heading-m">Open data</h2>
          <p className="govuk-body">
            Everything published here is open data: download it as a spreadsheet or JSON, follow a feed of new practice,
            or search it from your own website.
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/open-data">
              Get the practice bank&apos;s data
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
