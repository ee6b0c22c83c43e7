import type { ReactNode } from "react";

/** A GOV.UK table with a caption and column headers, in a wrapper that scrolls rather than widen the page. */
export function Table({ caption, headers, testId, children }: { caption: string; headers: string[]; testId?: string; children: ReactNode }) {
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table" data-testid={testId}>
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {headers.map((h) => (
              <th key={h} scope="col" className="govuk-table__header">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">{children}</tbody>
      </table>
    </div>
  );
}
