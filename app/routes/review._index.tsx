import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { formatUkDateTime } from "~/lib/uk-time";
import { listReviewQueue } from "~/models/review.server";

export const meta: MetaFunction = () => [{ title: "Review queue - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "reviewer");
  const { entries: queue } = await listReviewQueue(getDb(), user.id, { states: [] });
  return { queue: queue.map((e) => ({ ...e, submitted: e.submitted_at ? formatUkDateTime(e.submitted_at) : "" })) };
}

export default function ReviewQueue() {
  const { queue } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-xl">Review queue</h1>
      {queue.length === 0 ? (
        <p className="govuk-body">There is nothing waiting for review.</p>
      ) : (
        <div className="app-table-wrapper">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Waiting for review, oldest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Title</th>
                <th scope="col" className="govuk-table__header">Organisation</th>
                <th scope="col" className="govuk-table__header">Submitted</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {queue.map((e) => (
                <tr key={e.id} className="govuk-table__row">
                  <td className="govuk-table__cell">{e.title}</td>
                  <td className="govuk-table__cell">{e.organisation_name}</td>
                  <td className="govuk-table__cell">{e.submitted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
