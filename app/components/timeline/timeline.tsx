import type { TimelineEvent } from "./timeline-view";

export type { TimelineEvent } from "./timeline-view";

/**
 * An entry's history, newest first: who did what and when, with any message
 * that went with it. Build `events` with timelineView() in the loader, so the
 * UK times are worked out once, on the server.
 */
export function Timeline({
  events,
  heading = "History",
  headingLevel = 2,
  id = "history",
}: {
  events: TimelineEvent[];
  heading?: string;
  headingLevel?: 2 | 3;
  id?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <Heading className={headingLevel === 2 ? "govuk-heading-l" : "govuk-heading-m"} id={headingId}>
        {heading}
      </Heading>
      {events.length === 0 ? (
        <p className="govuk-body">Nothing has happened to this entry yet.</p>
      ) : (
        <>
          <p className="govuk-body-s govuk-hint">Most recent first. Times are UK time.</p>
          <ol className="govuk-list" reversed>
            {events.map((event) => (
              <li key={event.id} className="govuk-!-margin-bottom-4" data-action={event.action}>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <strong>{event.title}</strong>, <time dateTime={event.at}>{event.when}</time>
                </p>
                {event.message ? (
                  <div className="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-2 app-prewrap">{event.message}</div>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
