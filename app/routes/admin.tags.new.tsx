import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { keptChecked, keptList, keptText } from "~/components/admin/kept-values";
import { TAG_FIELD_ORDER, TagForm } from "~/components/admin/tag-form";
import { ErrorSummary } from "~/components/form/error-summary";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { parseWith, type FieldErrors } from "~/lib/validation";
import { recordAdminAction } from "~/models/admin-audit.server";
import { createTag, listTags, synonymsUsedElsewhere, tagLabelTaken, tagSlugTaken, unknownTopics } from "~/models/tag.server";
import { firstFreeSlug, slugFrom } from "~/schemas/admin-common";
import { synonymClashMessage, TAG_LABEL_TAKEN, TAG_TOPIC_FIELDS, TAG_TOPIC_UNKNOWN, tagSchema } from "~/schemas/admin-tag";

export const meta: MetaFunction = () => [{ title: "Add a tag - Administration - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { topics: (await listTags(getDb())).map((t) => ({ value: String(t.id), label: t.label })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const values = formToObject(await readForm(request), TAG_TOPIC_FIELDS);
  const submission = parseWith(tagSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });

  const db = getDb();
  const input = submission.data;
  const errors: FieldErrors = {};
  if (await tagLabelTaken(db, input.label)) errors.label = TAG_LABEL_TAKEN;
  const clashes = await synonymsUsedElsewhere(db, input.synonyms);
  if (clashes.length) errors.synonyms = synonymClashMessage(clashes);
  for (const field of TAG_TOPIC_FIELDS) if ((await unknownTopics(db, input[field])).length) errors[field] = TAG_TOPIC_UNKNOWN;
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });

  // The slug is made once, here, and never changes.
  const slug = await firstFreeSlug(slugFrom(input.label), "tag", (s) => tagSlugTaken(db, s));
  const id = await createTag(db, slug, input);
  await recordAdminAction(db, admin.id, "created tag", input.label, input.synonyms.length ? `other words: ${input.synonyms.join(", ")}` : "");
  return redirect(`/admin/tags?saved=${id}`);
}

export default function NewTag() {
  const { topics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sent = actionData?.values;
  const defaults = {
    label: keptText(sent, "label", ""),
    description: keptText(sent, "description", ""),
    synonyms: keptText(sent, "synonyms", ""),
    active: keptChecked(sent, "active", true),
    broader: keptList(sent, "broader", []),
    narrower: keptList(sent, "narrower", []),
    related: keptList(sent, "related", []),
  };
  const { register, errors, onSubmit } = useSchemaForm(tagSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <AdminBreadcrumbs items={[{ to: "/admin/tags", label: "Tags" }]} />
        <ErrorSummary errors={errors} order={TAG_FIELD_ORDER} />
        <h1 className="govuk-heading-xl">Add a tag</h1>
        <TagForm
          defaults={defaults}
          errors={errors}
          register={register}
          onSubmit={onSubmit}
          submitLabel="Add tag"
          submitting={navigation.state === "submitting"}
          topics={topics}
        />
      </div>
    </div>
  );
}
