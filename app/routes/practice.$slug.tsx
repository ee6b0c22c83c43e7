import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { CopyLink } from "~/components/practice/copy-link";
import { EntryArticle } from "~/components/practice/entry-article";
import { RelatedPracticeList, RelatedSessionList } from "~/components/related/related-lists";
import { getDb } from "~/db.server";
import { getUser } from "~/lib/auth.server";
import { siteUrl } from "~/lib/config.server";
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
      /** The page's own address, to copy and to print. */
      url: siteUrl(`/practice/${entry.slug}`),
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

/** Where the visitor came from, when it was a search (the results link says so). */
function searchBackLink(state: unknown): string | null {
  const back = typeof state === "object" && state !== null ? (state as { fromSearch?: unknown }).fromSearch : null;
  return typeof back === "string" && /^\/search(\?|$)/.test(back) ? back : null;
}

export default function PracticeEntry() {
  const { entry, firstPublished, firstPublishedAt, lastUpdated, lastUpdatedAt, url, relatedPractice, relatedSessions } = useLoaderData<typeof loader>();
  const backToSearch = searchBackLink(useLocation().state);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {backToSearch ? (
          <Link className="govuk-back-link app-no-print" to={backToSearch}>
            Back to search results
          </Link>
        ) : null}
        <EntryArticle
          entry={entry}
          dates={
            <p className="govuk-body-s govuk-!-margin-bottom-4" data-testid="publication-dates">
              Published <time dateTime={firstPublishedAt}>{firstPublished}</time>
              {lastUpdated ? (
                <>
                  , last updated <time dateTime={lastUpdatedAt}>{lastUpdated}</time>
                </>
              ) : null}
            </p>
          }
          tools={<CopyLink url={url} />}
        />
        <p className="govuk-body app-print-only">This page: {url}</p>
        <div className="app-no-print">
          <RelatedPracticeList items={relatedPractice} />
          <RelatedSessionList items={relatedSessions} />
        </div>
      </div>
    </div>
  );
}
