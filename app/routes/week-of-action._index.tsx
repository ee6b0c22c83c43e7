import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SpeakerList, TagList } from "~/components/week/session-parts";
import { getDb } from "~/db.server";
import { formatUkDate, formatUkTimeRange, ukDayKey } from "~/lib/uk-time";
import { listEventSessions } from "~/models/event-session.server";

export const meta: MetaFunction = () => [
  { title: "Neighbourhood Policing Week of Action 2026 - Neighbourhood policing practice bank" },
  { name: "description", content: "Twelve one-hour online talks, Monday 15 to Friday 19 June 2026." },
];

export async function loader() {
  const sessions = await listEventSessions(getDb());
  const days = new Map<string, typeof sessions>();
  for (const s of sessions) {
    const key = ukDayKey(s.startsAt);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  return {
    days: [...days.entries()].map(([key, daySessions]) => ({
      key,
      heading: formatUkDate(daySessions[0].startsAt, { year: false }),
      sessions: daySessions.map((s) => ({ ...s, time: formatUkTimeRange(s.startsAt, s.endsAt) })),
    })),
    count: sessions.length,
  };
}

export default function WeekOfAction() {
  const { days, count } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Monday 15 to Friday 19 June 2026</span>
        <h1 className="govuk-heading-xl">Neighbourhood Policing Week of Action 2026</h1>
        <p className="govuk-body-l">
          {count} one-hour online talks on leadership in neighbourhood policing and what works against local crime and
          anti-social behaviour.
        </p>
        <p className="govuk-body">
          The talks were open to all officers, staff and volunteers with an interest in neighbourhood policing, and were
          held on Microsoft Teams. All times are UK time. Recordings are added to each session as they become available.
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href="/week-of-action.ics" download>
            Add the whole week to your calendar (.ics file)
          </a>
        </p>
        {days.map((day) => (
          <section key={day.key} aria-labelledby={`day-${day.key}`}>
            <h2 className="govuk-heading-l" id={`day-${day.key}`}>
              {day.heading}
            </h2>
            <ul className="app-session-list">
              {day.sessions.map((s) => (
                <li key={s.slug}>
                  <p className="govuk-body app-session-time">{s.time}</p>
                  <h3 className="govuk-heading-m govuk-!-margin-bottom-2">
                    <Link className="govuk-link" to={`/week-of-action/${s.slug}`}>
                      {s.title}
                    </Link>
                  </h3>
                  <SpeakerList speakers={s.speakers} />
                  <TagList tags={s.tags} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
