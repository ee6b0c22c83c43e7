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
import { getTag, listTags, synonymsUsedElsewhere, tagLabelTaken, unknownTopics, updateTag } from "~/models/tag.server";
import { recordIdFrom } from "~/schemas/admin-common";
import { synonymClashMessage, TAG_LABEL_TAKEN, TAG_TOPIC_FIELDS, TAG_TOPIC_UNKNOWN, tagSchema } from "~/schemas/admin-tag";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.tag.label ?? "Tag"} - Administration - Neighbourhood policing practice bank` },
];

async function findTag(id: number) {
  const tag = await getTag(getDb(), id);
  if (!tag) throw new Response(null, { status: 404 });
  return tag;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const tag = await findTag(recordIdFrom(params.id));
  return {
    tag: {
      id: tag.id,
      slug: tag.slug,
      label: tag.label,
      description: tag.description ?? "",
      synonyms: tag.synonyms,
      active: tag.active === 1,
      broader: tag.broader.map(String),
      narrower: tag.narrower.map(String),
      related: tag.related.map(String),
    },
    topics: (await listTags(getDb())).filter((t) => t.id !== tag.id).map((t) => ({ value: String(t.id), label: t.label })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const existing = await findTag(recordIdFrom(params.id));
  const values = formToObject(await readForm(request), TAG_TOPIC_FIELDS);
  const submission = parseWith(tagSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });

  const db = getDb();
  const input = submission.data;
  const errors: FieldErrors = {};
  if (await tagLabelTaken(db, input.label, existing.id)) errors.label = TAG_LABEL_TAKEN;
  const clashes = await synonymsUsedElsewhere(db, input.synonyms, existing.id);
  if (clashes.length) errors.synonyms = synonymClashMessage(clashes);
  for (const field of TAG_TOPIC_FIELDS) if ((await unknownTopics(db, input[field], existing.id)).length) errors[field] = TAG_TOPIC_UNKNOWN;
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });

  await updateTag(db, existing.id, input);
  const added = input.synonyms.filter((s) => !existing.synonyms.includes(s));
  const removed = existing.synonyms.filter((s) => !input.synonyms.includes(s));
  const changes = [
    input.label !== existing.label ? `renamed from ${existing.label}` : null,
    input.description !== (existing.description ?? "") ? "description changed" : null,
    added.length ? `added ${added.join(", ")}` : null,
    removed.length ? `removed ${removed.join(", ")}` : null,
    input.active !== (existing.active === 1) ? (input.active ? "shown" : "hidden") : null,
    ...TAG_TOPIC_FIELDS.map((f) => (sameIds(input[f], existing[f]) ? null : `${f} topics changed`)),
  ].filter(Boolean);
  await recordAdminAction(db, admin.id, "updated tag", input.label, changes.join("; ") || "no changes");
  return redirect(`/admin/tags?saved=${existing.id}`);
}

const sameIds = (a: number[], b: number[]) => a.length === b.length && a.every((id) => b.includes(id));

export default function EditTagRoute() {
  const { tag } = useLoaderData<typeof loader>();
  // A fresh form for each tag: fields only read their defaults once.
  return <EditTag key={tag.id} />;
}

function EditTag() {
  const { tag, topics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sent = actionData?.values;
  const defaults = {
    label: keptText(sent, "label", tag.label),
    description: keptText(sent, "description", tag.description),
    synonyms: keptText(sent, "synonyms", tag.synonyms.join("\n")),
    active: keptChecked(sent, "active", tag.active),
    broader: keptList(sent, "broader", tag.broader),
    narrower: keptList(sent, "narrower", tag.narrower),
    related: keptList(sent, "related", tag.related),
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
        <span className="govuk-caption-l">Edit tag</span>
        <h1 className="govuk-heading-xl">{tag.label}</h1>
        <TagForm
          defaults={defaults}
          errors={errors}
          register={register}
          onSubmit={onSubmit}
          submitLabel="Save changes"
          submitting={navigation.state === "submitting"}
          topics={topics}
        />
      </div>
    </div>
  );
}
