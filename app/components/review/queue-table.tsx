import { Form, Link } from "@remix-run/react";
import type { EntryStatus } from "../../../db/schema";
import { Table } from "~/components/govuk/table";
import { StatusTag } from "~/components/practice/status-tag";

export interface QueueRow {
  id: number;
  title: string;
  status: EntryStatus;
  organisationName: string;
  region: string;
  submitted: string;
  assignedName: string | null;
  assignedToMe: boolean;
}

/** The queue, oldest submission first, with a button to take each entry no one has yet. */
export function QueueTable({ rows, caption, submitting }: { rows: QueueRow[]; caption: string; submitting: boolean }) {
  return (
    <Table caption={caption} headers={["Title", "Organisation", "Region", "Submitted", "Status", "Assigned to"]} testId="review-queue">
      {rows.map((row) => (
        <tr key={row.id} className="govuk-table__row">
          <td className="govuk-table__cell">
            <Link className="govuk-link" to={`/review/${row.id}`}>
              {row.title || "Untitled entry"}
            </Link>
          </td>
          <td className="govuk-table__cell">{row.organisationName}</td>
          <td className="govuk-table__cell">{row.region}</td>
          <td className="govuk-table__cell">{row.submitted}</td>
          <td className="govuk-table__cell">
            <StatusTag status={row.status} />
          </td>
          <td className="govuk-table__cell">
            {row.assignedName ? (
              row.assignedToMe ? (
                "You"
              ) : (
                row.assignedName
              )
            ) : (
              <>
                <p className="govuk-body-s govuk-!-margin-bottom-1">No one</p>
                <Form method="post" className="app-inline-form">
                <input type="hidden" name="intent" value="claim" />
                <input type="hidden" name="entryId" value={row.id} />
                <button
                  type="submit"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  data-module="govuk-button"
                  disabled={submitting}
                >
                  Take it<span className="govuk-visually-hidden">{` for ${row.title || "Untitled entry"}`}</span>
                </button>
                </Form>
              </>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
