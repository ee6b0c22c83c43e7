import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/error-summary";
import { QueueFilters } from "~/components/review/queue-filters";
import { QueueTable } from "~/components/review/queue-table";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { formatUkDateTime } from "~/lib/uk-time";
import { claimEntry } from "~/models/entry-workflow.server";
import { listOrganisations, listRegions } from "~/models/organisation.server";
import { getReviewEntry, listReviewQueue } from "~/models/review.server";
import { listTags } from "~/models/tag.server";
import { queueFiltersFrom, queueSearch } from "~/schemas/review-queue";

export const meta: MetaFunction = () => [{ title: "Review queue - Neighbourhood policing practice bank" }];

// After "someone else took it first" (409) the queue reloads, showing who did.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "reviewer");
  const db = getDb();
  const search = new URL(request.url).searchParams;
  const filters = queueFiltersFrom(search);
  const [queue, organisations, regions, tags] = await Promise.all([
    listReviewQueue(db, user.id, {
      states: filters.state,
      organisationId: filters.organisation,
      region: filters.region,
      tagId: filters.tag,
      assigned: filters.assigned,
    }),
    listOrganisations(db),
    listRegions(db),
    listTags(db, { activeOnly: true }),
  ]);
  return {
    rows: queue.entries.map((e) => ({
      id: e.id,
      title: e.title ?? "",
      status: e.status,
      organisationName: e.organisation_name,
      region: e.region,
      submitted: e.submitted_at ? formatUkDateTime(e.submitted_at) : "",
      assignedName: e.assigned_name,
      assignedToMe: e.assigned_reviewer_id === user.id,
    })),
    counts: queue.counts,
    filtered: queueSearch(filters) !== "",
    selected: {
      state: filters.state,
      organisation: filters.organisation ? String(filters.organisation) : "",
      region: filters.region ?? "",
      tag: filters.tag ? String(filters.tag) : "",
      assigned: filters.assigned ?? "all",
    },
    choices: {
      organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })),
      regions: regions.map((r) => ({ value: r, label: r })),
      tags: tags.map((t) => ({ value: String(t.id), label: t.label })),
    },
  };
}

/** "Take it" on a row: the reviewer assigns the entry to themselves, unless someone got there first. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "reviewer");
  const values = formToObject(await readForm(request));
  const entryId = typeof values.entryId === "string" && /^\d{1,9}$/.test(values.entryId) ? Number(values.entryId) : null;
  if (values.intent !== "claim" || entryId === null) {
    return data({ errors: { form: "This form could not be read. Reload the page and try again." } }, { status: 400 });
  }
  const db = getDb();
  // Drafts never submitted are not the reviewers' to see, so not to take either.
  if (!(await getReviewEntry(db, entryId))) throw new Response(null, { status: 404 });
  const outcome = await claimEntry(db, entryId, user);
  if (!outcome.ok) {
    if (outcome.status === 409) return data({ errors: { form: outcome.message } }, { status: 409 });
    throw new Response(outcome.message, { status: outcome.status });
  }
  // Whoever takes an entry means to review it: open it.
  return redirect(`/review/${entryId}?done=claim`);
}

export default function ReviewQueue() {
  const { rows, counts, filtered, selected, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const total = counts.in_review + counts.changes_requested;
  return (
    <>
      <ErrorSummary errors={actionData?.errors ?? {}} />
      <h1 className="govuk-heading-xl">Review queue</h1>
      <h2 className="govuk-heading-m">Waiting on the practice team</h2>
      <ul className="govuk-list" data-testid="queue-counts">
        <li>
          <Link className="govuk-link" to="/review?state=in_review">
            {`In review (${counts.in_review})`}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/review?state=changes_requested">
            {`Changes requested (${counts.changes_requested})`}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/review?state=in_review&assigned=me">
            {`Assigned to you (${counts.mine})`}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/review?state=in_review&assigned=unassigned">
            {`Unassigned (${counts.unassigned})`}
          </Link>
        </li>
      </ul>
      <p className="govuk-hint">Assigned and unassigned counts are of entries in review.</p>
      <QueueFilters key={JSON.stringify(selected)} choices={choices} selected={selected} />
      {rows.length === 0 ? (
        <p className="govuk-body" data-testid="queue-empty">
          {total === 0
            ? "There is nothing waiting for review."
            : filtered
              ? "No entries match these filters."
              : "There is nothing waiting for review."}
        </p>
      ) : (
        <QueueTable
          rows={rows}
          caption={`${rows.length} ${rows.length === 1 ? "entry" : "entries"}${filtered ? " matching the filters" : ""}, oldest submission first`}
          submitting={navigation.state === "submitting"}
        />
      )}
    </>
  );
}
