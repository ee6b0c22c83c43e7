import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EntryForm } from "~/components/practice/entry-form";
import { getDb } from "~/db.server";
import { requireOwnEntry } from "~/lib/entry-access.server";
import { defaultsFromStored, defaultsFromSubmitted, draftFromStored, groupProgress } from "~/lib/entry-form-values";
import { saveEntryFromForm } from "~/lib/entry-save.server";
import { readForm } from "~/lib/form-data.server";
import { formatUkDateTime } from "~/lib/uk-time";
import { canEdit } from "~/lib/workflow";
import { listTags } from "~/models/tag.server";
import { revisionFeedback } from "~/presenters/revision-feedback.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ? `Edit: ${data.title}` : "Edit entry"} - Neighbourhood policing practice bank` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await requireOwnEntry(request, params);
  if (!canEdit(entry.status, { role: "force_lead", ownsEntry: true })) throw redirect(`/submissions/${entry.id}`);
  const db = getDb();
  const [tags, feedback] = await Promise.all([
    listTags(db, { activeOnly: true }),
    entry.status === "changes_requested" ? revisionFeedback(db, entry.id) : null,
  ]);
  return {
    entryId: entry.id,
    title: entry.revision.title,
    organisationName: entry.organisationName,
    version: entry.revision.version,
    defaults: defaultsFromStored(entry.revision),
    progress: groupProgress(draftFromStored(entry.revision)),
    lastSaved: { at: formatUkDateTime(entry.revision.updatedAt), by: entry.revision.updatedByName },
    tags: tags.map((t) => ({ value: String(t.id), label: t.label })),
    feedback,
    justSaved: new URL(request.url).searchParams.get("saved") === "1",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, entry } = await requireOwnEntry(request, params);
  const form = await readForm(request);
  const intent = form.get("intent") === "submit" ? "submit" : "save";
  const outcome = await saveEntryFromForm(form, user, entry.id, intent);
  switch (outcome.kind) {
    case "saved":
      return redirect(`/submissions/${entry.id}/edit?saved=1`);
    case "submitted":
      return redirect(`/submissions/${entry.id}?submitted=1`);
    case "invalid":
      return data({ errors: outcome.errors, values: outcome.values, conflict: null }, { status: 400 });
    case "conflict":
      return data(
        {
          errors: {
            form: `${outcome.conflict.byYou ? "You" : outcome.conflict.savedBy} saved a newer version at ${outcome.conflict.savedAt}${outcome.conflict.byYou ? ", in another tab or window" : ""}. Your changes have not been saved yet.`,
          },
          values: outcome.values,
          conflict: outcome.conflict,
        },
        { status: 409 },
      );
    case "refused":
      throw new Response(outcome.message, { status: outcome.status });
  }
}

export default function EditEntry() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const defaults = actionData?.values ? defaultsFromSubmitted(actionData.values) : loaderData.defaults;
  return (
    <EntryForm
      key={loaderData.version}
      entryId={loaderData.entryId}
      organisationName={loaderData.organisationName}
      version={loaderData.version}
      defaults={defaults}
      tagOptions={loaderData.tags}
      initialProgress={loaderData.progress}
      lastSaved={loaderData.lastSaved}
      justSaved={loaderData.justSaved && !actionData}
      serverErrors={actionData?.errors}
      serverConflict={actionData?.conflict ?? null}
      feedback={loaderData.feedback}
    />
  );
}
