import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RelatedPracticeList } from "~/components/related/related-lists";
import { SpeakerList, TagList } from "~/components/week/session-parts";
import { getDb } from "~/db.server";
import { formatUkDate, formatUkTimeRange } from "~/lib/uk-time";
import { getEventSessionBySlug } from "~/models/event-session.server";
import { relatedToSession } from "~/models/related.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.session.title} - Week of Action 2026` : "Session not found" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const session = await getEventSessionBySlug(getDb(), params.slug ?? "");
  if (!session) throw new Response(null, { status: 404 });
  const { dataWarnings: _internal, ...publicSession } = session;
  return {
    session: publicSession,
    date: formatUkDate(session.startsAt),
    time: formatUkTimeRange(session.startsAt, session.endsAt),
    isPast: Date.parse(session.endsAt) < Date.now(),
    relatedPractice: await relatedToSession(getDb(), session.id),
  };
}

export default function SessionPage() {
  const { session, date, time, isPast, relatedPractice } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
          <ol className="govuk-breadcrumbs__list">
            <li className="govuk-breadcrumbs__list-item">
              <Link className="govuk-breadcrumbs__link" to="/week-of-action">
                Week of Action 2026
              </Link>
            </li>
          </ol>
        </nav>
        <span className="govuk-caption-l">Week of Action 2026 talk</span>
        <h1 className="govuk-heading-xl">{session.title}</h1>
        {session.summary ? <p className="govuk-body-l">{session.summary}</p> : null}
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Date</dt>
            <dd className="govuk-summary-list__value">{date}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Time (UK time)</dt>
            <dd className="govuk-summary-list__value">{time}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Where</dt>
            <dd className="govuk-summary-list__value">Online, on Microsoft Teams</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Speakers</dt>
            <dd className="govuk-summary-list__value">
              <SpeakerList speakers={session.speakers} />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Booking</dt>
            <dd className="govuk-summary-list__value">
              {session.bookingUrl ? (
                <a className="govuk-link" href={session.bookingUrl} rel="noopener noreferrer">
                  Book a place<span className="govuk-visually-hidden"> on {session.title}</span>
                </a>
              ) : (
                "The booking link has not been published here."
              )}
              {isPast ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">This talk has taken place.</p> : null}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Recording</dt>
            <dd className="govuk-summary-list__value" data-testid="recording">
              {session.recordingUrl ? (
                <a className="govuk-link" href={session.recordingUrl} rel="noopener noreferrer">
                  Watch the recording<span className="govuk-visually-hidden"> of {session.title}</span>
                </a>
              ) : (
                "Not yet available"
              )}
            </dd>
          </div>
        </dl>
        <TagList tags={session.tags} />
        <p className="govuk-body govuk-!-margin-top-6">
          <a className="govuk-link" href={`/week-of-action/${session.slug}.ics`} download>
            Add this talk to your calendar (.ics file)
          </a>
        </p>
        <RelatedPracticeList items={relatedPractice} />
      </div>
    </div>
  );
}
