import { Form, Link } from "@remix-run/react";
import type { EntryStatus } from "../../../db/schema";
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
    <div className="app-table-wrapper">
      <table className="govuk-table" data-testid="review-queue">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Title</th>
            <th scope="col" className="govuk-table__header">Organisation</th>
            <th scope="col" className="govuk-table__header">Region</th>
            <th scope="col" className="govuk-table__header">Submitted</th>
            <th scope="col" className="govuk-table__header">Status</th>
            <th scope="col" className="govuk-table__header">Assigned to</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
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
        </tbody>
      </table>
    </div>
  );
}
