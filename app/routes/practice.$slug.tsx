import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EntryArticle } from "~/components/practice/entry-article";
import { RelatedPracticeList, RelatedSessionList } from "~/components/related/related-lists";
import { getDb } from "~/db.server";
import { getUser } from "~/lib/auth.server";
import { presentEntry } from "~/lib/entry-presentation.server";
import { formatUkDate, formatUkDayAndTime } from "~/lib/uk-time";
import { relatedToPractice } from "~/models/related.server";
import { findPublishedEntry } from "~/models/review.server";

// A published practice entry, open to everyone. Only the live published
// version is ever shown: an update being drafted or reviewed stays out of
// sight until it is published. Anything never published (drafts, entries in
// review, rejected or withdrawn) is simply not found.

const TAKEN_DOWN_MESSAGE = "This practice entry has been taken down by the College's practice team.";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.entry.title || "Practice entry"} - Neighbourhood policing practice bank` },
        { name: "description", content: data.entry.summary.slice(0, 300) },
      ]
    : [];

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) throw new Response(null, { status: 404 });
  const found = await findPublishedEntry(getDb(), slug);
  if (found.kind === "missing") throw new Response(null, { status: 404 });
  if (found.kind === "archived") throw new Response(TAKEN_DOWN_MESSAGE, { status: 410, headers: { "Content-Type": "text/plain; charset=utf-8" } });

  const { entry, revision, tags } = found;
  const firstPublished = formatUkDate(entry.firstPublishedAt, { weekday: false });
  const lastPublished = formatUkDate(entry.publishedAt, { weekday: false });
  // The page carries the signed-in person's name and notification count in
  // its header, so only a signed-out page may be kept by shared caches.
  const signedIn = (await getUser(request)) !== null;
  const related = await relatedToPractice(getDb(), entry.id);
  return data(
    {
      entry: presentEntry(revision, { organisationName: entry.organisationName, tags, evidenceLabel: entry.evidenceLabel }),
      firstPublished,
      firstPublishedAt: entry.firstPublishedAt,
      lastUpdated: lastPublished !== firstPublished ? lastPublished : null,
      lastUpdatedAt: entry.publishedAt,
      relatedPractice: related.practice,
      relatedSessions: related.sessions.map((s) => ({
        slug: s.slug,
        title: s.title,
        when: formatUkDayAndTime(s.startsAt, s.endsAt),
      })),
    },
    { headers: { "Cache-Control": signedIn ? "private, no-cache" : "public, max-age=60", Vary: "Cookie" } },
  );
}

export default function PracticeEntry() {
  const { entry, firstPublished, firstPublishedAt, lastUpdated, lastUpdatedAt, relatedPractice, relatedSessions } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <EntryArticle entry={entry} />
        <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-top-8" data-testid="publication-dates">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Published</dt>
            <dd className="govuk-summary-list__value">
              <time dateTime={firstPublishedAt}>{firstPublished}</time>
            </dd>
          </div>
          {lastUpdated ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Last updated</dt>
              <dd className="govuk-summary-list__value">
                <time dateTime={lastUpdatedAt}>{lastUpdated}</time>
              </dd>
            </div>
          ) : null}
        </dl>
        <RelatedPracticeList items={relatedPractice} />
        <RelatedSessionList items={relatedSessions} />
      </div>
    </div>
  );
}
