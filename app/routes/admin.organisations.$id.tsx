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
  getOrganisation,
  listRegions,
  ORGANISATION_KINDS,
  organisationNameTaken,
  updateOrganisation,
} from "~/models/organisation.server";
import { recordIdFrom } from "~/schemas/admin-common";
import { organisationSchema } from "~/schemas/admin-organisation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? "Organisation"} - Administration - Neighbourhood policing practice bank` },
];

async function findOrganisation(id: number) {
  const organisation = await getOrganisation(getDb(), id);
  if (!organisation) throw new Response(null, { status: 404 });
  return organisation;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const organisation = await findOrganisation(recordIdFrom(params.id));
  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      slug: organisation.slug,
      kind: organisation.kind,
      region: organisation.region,
      active: organisation.active === 1,
    },
    kinds: Object.entries(ORGANISATION_KINDS).map(([value, label]) => ({ value, label })),
    regions: await listRegions(getDb()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const existing = await findOrganisation(recordIdFrom(params.id));
  const values = formToObject(await readForm(request));
  const submission = parseWith(organisationSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });

  const db = getDb();
  const input = submission.data;
  if (await organisationNameTaken(db, input.name, existing.id)) {
    return data({ errors: { name: "An organisation with this name already exists" } as FieldErrors, values }, { status: 400 });
  }
  await updateOrganisation(db, existing.id, input);
  const changes = [
    input.name !== existing.name ? `renamed from ${existing.name}` : null,
    input.kind !== existing.kind ? `kind: ${ORGANISATION_KINDS[input.kind]}` : null,
    input.region !== existing.region ? `region: ${input.region}` : null,
    input.active !== (existing.active === 1) ? (input.active ? "accepting new entries" : "not accepting new entries") : null,
  ].filter(Boolean);
  await recordAdminAction(db, admin.id, "updated organisation", input.name, changes.join("; ") || "no changes");
  return redirect(`/admin/organisations?saved=${existing.id}`);
}

export default function EditOrganisationRoute() {
  const { organisation } = useLoaderData<typeof loader>();
  // A fresh form for each organisation: fields only read their defaults once.
  return <EditOrganisation key={organisation.id} />;
}

function EditOrganisation() {
  const { organisation, kinds, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sent = actionData?.values;
  const defaults = {
    name: keptText(sent, "name", organisation.name),
    kind: keptText(sent, "kind", organisation.kind),
    region: keptText(sent, "region", organisation.region),
    active: keptChecked(sent, "active", organisation.active),
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
        <span className="govuk-caption-l">Edit organisation</span>
        <h1 className="govuk-heading-xl">{organisation.name}</h1>
        <p className="govuk-body">
          Its web address name is <code>{organisation.slug}</code>. That stays the same if you rename the organisation.
        </p>
        <OrganisationForm
          defaults={defaults}
          errors={errors}
          register={register}
          onSubmit={onSubmit}
          kinds={kinds}
          regions={regions}
          submitLabel="Save changes"
          submitting={navigation.state === "submitting"}
        />
      </div>
    </div>
  );
}
