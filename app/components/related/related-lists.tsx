import { Link } from "@remix-run/react";

// Lists of related content under a practice entry or a session. Each list is
// left out entirely when empty, rather than showing an empty heading.

export interface RelatedPracticeItem {
  slug: string;
  title: string;
  organisationName: string;
}

export interface RelatedSessionItem {
  slug: string;
  title: string;
  /** Day and time in UK time, e.g. "Monday 15 June, 10am to 11am". */
  when: string;
}

export function RelatedPracticeList({ items }: { items: RelatedPracticeItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="related-practice" className="govuk-!-margin-top-8" data-testid="related-practice">
      <h2 className="govuk-heading-m" id="related-practice">
        Related practice
      </h2>
      <ul className="govuk-list govuk-list--spaced">
        {items.map((p) => (
          <li key={p.slug}>
            <Link className="govuk-link" to={`/practice/${p.slug}`}>
              {p.title || "Untitled entry"}
            </Link>
            <br />
            <span className="govuk-body-s govuk-!-margin-bottom-0">{p.organisationName}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RelatedSessionList({ items }: { items: RelatedSessionItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="related-sessions" className="govuk-!-margin-top-8" data-testid="related-sessions">
      <h2 className="govuk-heading-m" id="related-sessions">
        Related Week of Action sessions
      </h2>
      <ul className="govuk-list govuk-list--spaced">
        {items.map((s) => (
          <li key={s.slug}>
            <Link className="govuk-link" to={`/week-of-action/${s.slug}`}>
              {s.title}
            </Link>
            <br />
            <span className="govuk-body-s govuk-!-margin-bottom-0">{s.when}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
