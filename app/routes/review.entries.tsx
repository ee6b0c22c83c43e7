import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AllEntriesFilters } from "~/components/entries/all-entries-filters";
import { AllEntriesTable } from "~/components/entries/all-entries-table";
import { Pagination } from "~/components/pagination";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { EVIDENCE_LABELS, labelOf } from "~/lib/practice-options";
import { formatUkDateTime } from "~/lib/uk-time";
import { listAllEntries } from "~/models/all-entries.server";
import { listOrganisations, listRegions } from "~/models/organisation.server";
import { listTags } from "~/models/tag.server";
import { ALL_ENTRIES_PAGE_SIZE, allEntriesHref, allEntriesSearchFrom, SORT_OPTIONS, STATE_OPTIONS } from "~/schemas/all-entries";

// Every entry the practice team has been sent, in any state, so a published
// one can be found (to take it down, say) without knowing its number.

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const page = data && data.page > 1 ? ` (page ${data.page})` : "";
  return [{ title: `All entries${page} - Neighbourhood policing practice bank` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "reviewer", "admin");
  const db = getDb();
  const search = allEntriesSearchFrom(new URL(request.url).searchParams);
  const [list, organisations, regions, tags] = await Promise.all([
    listAllEntries(db, search),
    listOrganisations(db),
    listRegions(db),
    listTags(db, { activeOnly: false }),
  ]);
  return {
    // The review page is the practice team's; administrators see the list and the public pages.
    reviewLinks: user.role === "reviewer",
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    search: { ...search, page: list.page },
    filtered: allEntriesHref({ ...search, sort: "changed", page: 1 }) !== "/review/entries",
    rows: list.rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      evidence: labelOf(EVIDENCE_LABELS, r.evidenceLabel),
      organisationName: r.organisationName,
      region: r.region,
      changed: formatUkDateTime(r.updatedAt),
      liveSlug: r.liveSlug,
    })),
    selected: {
      q: search.q,
      state: search.state,
      evidence: search.evidence,
      organisation: search.organisation ? String(search.organisation) : "",
      region: search.region ?? "",
      tag: search.tag ? String(search.tag) : "",
      sort: search.sort,
    },
    choices: {
      states: STATE_OPTIONS,
      evidence: [...EVIDENCE_LABELS.map(({ value, label }) => ({ value, label })), { value: "none", label: "Not set yet" }],
      organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })),
      regions: regions.map((r) => ({ value: r, label: r })),
      tags: tags.map((t) => ({ value: String(t.id), label: t.label })),
      sorts: [...SORT_OPTIONS],
    },
  };
}

export default function AllEntries() {
  const { rows, total, page, pageCount, search, filtered, selected, choices, reviewLinks } = useLoaderData<typeof loader>();
  const sortLabel = SORT_OPTIONS.find((s) => s.value === search.sort)?.label.toLowerCase() ?? "";
  const first = (page - 1) * ALL_ENTRIES_PAGE_SIZE + 1;
  return (
    <>
      <h1 className="govuk-heading-xl">All entries</h1>
      <p className="govuk-body">
        Every entry sent to the practice team, whatever its status, shown as it was last submitted. Drafts that have never
        been submitted are not listed.
      </p>
      <AllEntriesFilters key={JSON.stringify(selected)} choices={choices} selected={selected} />
      {rows.length === 0 ? (
        <p className="govuk-body" data-testid="all-entries-empty">
          {filtered ? "No entries match this search." : "No entries have been submitted yet."}
        </p>
      ) : (
        <AllEntriesTable
          rows={rows}
          reviewLinks={reviewLinks}
          caption={`${total.toLocaleString("en-GB")} ${total === 1 ? "entry" : "entries"}${filtered ? " matching the search" : ""}${
            pageCount > 1 ? `, ${first} to ${first + rows.length - 1} shown` : ""
          }, ${sortLabel}`}
        />
      )}
      <Pagination page={page} pageCount={pageCount} label="Pages of entries" hrefFor={(n) => allEntriesHref({ ...search, page: n })} />
    </>
  );
}
