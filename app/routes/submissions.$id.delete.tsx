import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { WarningText } from "~/components/warning-text";
import { getDb } from "~/db.server";
import { requireOwnEntry } from "~/lib/entry-access.server";
import { deleteUnsubmittedDraft, isUnsubmittedDraft } from "~/models/draft-deletion.server";

// GOV.UK confirmation before something cannot be undone: a page of its own
// that asks, with the destructive button and a way back. Works without JavaScript.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Delete ${data?.title ? `‘${data.title}’` : "this draft"} - Neighbourhood policing practice bank` },
];

const SUBMITTED = "This entry has been sent to the practice team, so it cannot be deleted. You can withdraw it from review instead.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await requireOwnEntry(request, params);
  if (!isUnsubmittedDraft(entry)) throw new Response(SUBMITTED, { status: 409 });
  return { id: entry.id, title: entry.revision.title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, entry } = await requireOwnEntry(request, params);
  const outcome = await deleteUnsubmittedDraft(getDb(), entry.id, { id: user.id, organisationId: user.organisationId! });
  if (!outcome.ok) {
    if (outcome.reason === "not_found") throw new Response(null, { status: 404 });
    throw new Response(SUBMITTED, { status: 409 });
  }
  return redirect("/submissions?deleted=1");
}

export default function DeleteDraft() {
  const { id, title } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Are you sure you want to delete {title ? `‘${title}’` : "this untitled draft"}?</h1>
        <WarningText>The draft will be deleted for everyone in your organisation. This cannot be undone.</WarningText>
        <Form method="post">
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={busy}>
              Yes, delete this draft
            </button>
            <Link className="govuk-link" to={`/submissions/${id}`}>
              No, go back to the draft
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
