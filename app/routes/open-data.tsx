import type { MetaFunction } from "@remix-run/node";
import { API_SEARCH_EXAMPLE } from "~/lib/search-examples";

// What the practice bank offers for reuse, and how to get it. Resource
// routes are linked with plain <a> elements: they are files, not pages
// Remix can render on the client.

export const meta: MetaFunction = () => [
  { title: "Open data - Neighbourhood policing practice bank" },
  { name: "description", content: "Download all published neighbourhood policing practice, follow new practice in a feed, or search it as JSON." },
];

const API_EXAMPLE_HREF = `/api/search?${new URLSearchParams(API_SEARCH_EXAMPLE)}`;

const PARAMETERS = [
  { name: "q", meaning: "Words to search for. Put a phrase in double quotes." },
  { name: "type", meaning: "practice or session. Repeat for both." },
  { name: "tag", meaning: "A topic's slug, for example youth. Repeat for several." },
  { name: "organisation", meaning: "An organisation's slug, for example sussex-police. Repeat for several." },
  { name: "region", meaning: "A region, for example South East. Repeat for several." },
  { name: "evidence", meaning: "worked, promising, untested or did_not_work. Repeat for several." },
  { name: "sort", meaning: "relevance (the default) or newest." },
  { name: "page", meaning: "Which page of 20 results, starting at 1." },
];

export default function OpenData() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Open data</h1>
        <p className="govuk-body-l">
          Everything published on the practice bank is open for anyone to reuse. Only published practice and the Week of
          Action 2026 talks are included, never drafts or entries waiting for review.
        </p>

        <h2 className="govuk-heading-m">Download all published practice</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            <a className="govuk-link" href="/practice/export.csv" download>
              Download all published practice as a spreadsheet (CSV)
            </a>
          </li>
          <li>
            <a className="govuk-link" href="/practice/export.json" download>
              Download all published practice as JSON
            </a>
          </li>
        </ul>
        <p className="govuk-body">
          Each file has one entry per row: its web address, title, organisation, region, evidence rating, topics, when it
          was first published and last updated, its summary and each section as plain text. The CSV file opens in Excel
          and other spreadsheet programs. A cell that would start with =, +, - or @ starts with an apostrophe instead, so
          it cannot run as a formula.
        </p>

        <h2 className="govuk-heading-m">Follow newly published practice</h2>
        <p className="govuk-body">
          Add the{" "}
          <a className="govuk-link" href="/practice/feed.xml">
            practice bank feed (Atom)
          </a>{" "}
          to a feed reader to hear about the 50 most recently published or updated entries.
        </p>

        <h2 className="govuk-heading-m">Search as JSON</h2>
        <p className="govuk-body">
          <code>GET /api/search</code> takes the same options as the search page and answers in JSON, for example{" "}
          <a className="govuk-link" href={API_EXAMPLE_HREF}>
            {API_EXAMPLE_HREF}
          </a>
          . Any website may call it.
        </p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Search options</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Option
              </th>
              <th scope="col" className="govuk-table__header">
                Meaning
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {PARAMETERS.map((p) => (
              <tr key={p.name} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  <code>{p.name}</code>
                </th>
                <td className="govuk-table__cell">{p.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="govuk-body">
          The answer gives the total, the page, up to 20 results (type, slug, title, a snippet, topics, organisation, web
          address and date) and counts for each filter. In the snippet, matched words are in <code>&lt;mark&gt;</code> and
          everything else is escaped HTML.
        </p>
      </div>
    </div>
  );
}
