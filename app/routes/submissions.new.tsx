import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { createDraftEntry } from "~/models/practice.server";

export const meta: MetaFunction = () => [{ title: "Write up an initiative - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "force_lead");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "force_lead");
  const id = await createDraftEntry(getDb(), { id: user.id, organisationId: user.organisationId! });
  return redirect(`/submissions/${id}/edit`);
}

export default function NewSubmission() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Write up an initiative</h1>
        <p className="govuk-body">
          Tell other forces about something your neighbourhood team did that worked, or that taught you something. The
          College&apos;s practice team will review it before it is published.
        </p>
        <p className="govuk-body">You will be asked about:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>the initiative, and who to contact about it</li>
          <li>what it was for, who it was aimed at and who you worked with</li>
          <li>the problem, what you did and how you put it into practice</li>
          <li>the results, why you think it worked, the cost and what you learned</li>
          <li>how you evaluated it</li>
        </ul>
        <p className="govuk-body">
          Your work is saved as you type, and colleagues in your organisation can help you finish it. Do not include
          personal or sensitive information.
        </p>
        <Form method="post">
          <button type="submit" className="govuk-button govuk-button--start" data-module="govuk-button">
            Start now
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/submissions">
            Back to your organisation&apos;s entries
          </Link>
        </p>
      </div>
    </div>
  );
}
