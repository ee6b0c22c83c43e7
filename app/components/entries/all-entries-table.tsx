import { Link } from "@remix-run/react";
import type { EntryStatus } from "../../../db/schema";
import { Table } from "~/components/govuk/table";
import { StatusTag } from "~/components/practice/status-tag";

export interface AllEntriesRowView {
  id: number;
  title: string;
  status: EntryStatus;
  evidence: string;
  organisationName: string;
  region: string;
  changed: string;
  liveSlug: string | null;
}

/** One row per entry; the title opens its review page for reviewers, and a live entry links to its public page. */
export function AllEntriesTable({ rows, caption, reviewLinks }: { rows: AllEntriesRowView[]; caption: string; reviewLinks: boolean }) {
  return (
    <Table caption={caption} headers={["Title", "Organisation", "Status", "Evidence", "Last changed", "Public page"]} testId="all-entries">
      {rows.map((row) => (
        <tr key={row.id} className="govuk-table__row">
          <td className="govuk-table__cell">
            {reviewLinks ? (
              <Link className="govuk-link" to={`/review/${row.id}`}>
                {row.title || "Untitled entry"}
              </Link>
            ) : (
              row.title || "Untitled entry"
            )}
          </td>
          <td className="govuk-table__cell">
            {row.organisationName}
            <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{row.region}</span>
          </td>
          <td className="govuk-table__cell">
            <StatusTag status={row.status} />
          </td>
          <td className="govuk-table__cell">{row.evidence || "Not set"}</td>
          <td className="govuk-table__cell">{row.changed}</td>
          <td className="govuk-table__cell">
            {row.liveSlug ? (
              <Link className="govuk-link" to={`/practice/${row.liveSlug}`}>
                View<span className="govuk-visually-hidden">{` ${row.title || "Untitled entry"} on the public site`}</span>
              </Link>
            ) : (
              "Not live"
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
