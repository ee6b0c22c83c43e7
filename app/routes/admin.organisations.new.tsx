import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { keptChecked, keptText } from "~/components/admin/kept-values";
import { ORGANISATION_FIELD_ORDER, OrganisationForm } from "~/components/admin/organisation-form";
import { ErrorSummary } from "~/components/form/error-summary";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { parseWith, type FieldErrors } from "~/lib/validation";
import { recordAdminAction } from "~/models/admin-audit.server";
import {
  createOrganisation,
  listRegions,
  ORGANISATION_KINDS,
  organisationNameTaken,
  organisationSlugTaken,
} from "~/models/organisation.server";
import { firstFreeSlug, slugFrom } from "~/schemas/admin-common";
import { organisationSchema } from "~/schemas/admin-organisation";

export const meta: MetaFunction = () => [{ title: "Add an organisation - Administration - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return {
    kinds: Object.entries(ORGANISATION_KINDS).map(([value, label]) => ({ value, label })),
    regions: await listRegions(getDb()),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const values = formToObject(await readForm(request));
  const submission = parseWith(organisationSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });

  const db = getDb();
  const input = submission.data;
  if (await organisationNameTaken(db, input.name)) {
    return data({ errors: { name: "An organisation with this name already exists" } as FieldErrors, values }, { status: 400 });
  }
  // The slug is made once, here, and never changes: links keep working after a rename.
  const slug = await firstFreeSlug(slugFrom(input.name), "organisation", (s) => organisationSlugTaken(db, s));
  const { id } = await createOrganisation(db, { ...input, slug });
  await recordAdminAction(db, admin.id, "created organisation", input.name, input.active ? "" : "not accepting new entries");
  return redirect(`/admin/organisations?saved=${id}`);
}

export default function NewOrganisation() {
  const { kinds, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sent = actionData?.values;
  const defaults = {
    name: keptText(sent, "name", ""),
    kind: keptText(sent, "kind", ""),
    region: keptText(sent, "region", ""),
    active: keptChecked(sent, "active", true),
  };
  const { register, errors, onSubmit } = useSchemaForm(organisationSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <AdminBreadcrumbs items={[{ to: "/admin/organisations", label: "Organisations" }]} />
        <ErrorSummary errors={errors} order={ORGANISATION_FIELD_ORDER} />
        <h1 className="govuk-heading-xl">Add an organisation</h1>
        <OrganisationForm
          defaults={defaults}
          errors={errors}
          register={register}
          onSubmit={onSubmit}
          kinds={kinds}
          regions={regions}
          submitLabel="Add organisation"
          submitting={navigation.state === "submitting"}
        />
      </div>
    </div>
  );
}
