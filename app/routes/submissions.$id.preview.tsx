import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { EntryArticle } from "~/components/practice/entry-article";
import { getDb } from "~/db.server";
import { requireOwnEntry } from "~/lib/entry-access.server";
import { presentEntry } from "~/lib/entry-presentation.server";
import { canEdit } from "~/lib/workflow";
import { listTags } from "~/models/tag.server";

export const meta: MetaFunction = () => [{ title: "Preview - Neighbourhood policing practice bank" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await requireOwnEntry(request, params);
  const tags = (await listTags(getDb())).filter((t) => entry.revision.tagIds.includes(t.id));
  return {
    entryId: entry.id,
    editable: canEdit(entry.status, { role: "force_lead", ownsEntry: true }),
    entry: presentEntry(entry.revision, { organisationName: entry.organisationName, tags }),
  };
}

export default function PreviewEntry() {
  const { entryId, editable, entry } = useLoaderData<typeof loader>();
  return (
    <>
      <NotificationBanner id="preview-banner" title="Preview" heading="This is how the entry will look to the public once it is published.">
        <p className="govuk-body">
        {editable ? (
          <Link className="govuk-notification-banner__link" to={`/submissions/${entryId}/edit`}>
            Go back to editing
          </Link>
        ) : (
          <Link className="govuk-notification-banner__link" to={`/submissions/${entryId}`}>
            Back to the entry
          </Link>
        )}
        </p>
      </NotificationBanner>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <EntryArticle entry={entry} />
        </div>
      </div>
    </>
  );
}
