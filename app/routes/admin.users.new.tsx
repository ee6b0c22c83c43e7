import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { keptText } from "~/components/admin/kept-values";
import { ErrorSummary } from "~/components/form/error-summary";
import { Radios, Select, TextInput } from "~/components/form/fields";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { ROLE_LABELS } from "~/lib/permissions";
import { parseWith, type FieldErrors } from "~/lib/validation";
import { recordAdminAction } from "~/models/admin-audit.server";
import { getOrganisation, listOrganisations } from "~/models/organisation.server";
import { createUser, findUserByEmail } from "~/models/user.server";
import { MIN_PASSWORD_LENGTH, newAccountSchema, ROLES } from "~/schemas/admin-account";

export const meta: MetaFunction = () => [{ title: "Create an account - Administration - Neighbourhood policing practice bank" }];

const ORDER = ["name", "email", "role", "organisationId", "password"] as const;
const DUPLICATE_EMAIL = "An account with this email address already exists";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const organisations = await listOrganisations(getDb(), { activeOnly: true });
  return { organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const values = formToObject(await readForm(request));
  // The password is never sent back to the page.
  const { password: _password, ...kept } = values;
  const submission = parseWith(newAccountSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values: kept }, { status: 400 });

  const db = getDb();
  const input = submission.data;
  const errors: FieldErrors = {};
  if (await findUserByEmail(db, input.email)) errors.email = DUPLICATE_EMAIL;
  let organisationName: string | null = null;
  if (input.role === "force_lead" && input.organisationId !== null) {
    const organisation = await getOrganisation(db, input.organisationId);
    if (!organisation || !organisation.active) errors.organisationId = "Choose an organisation from the list";
    organisationName = organisation?.name ?? null;
  }
  if (Object.keys(errors).length) return data({ errors, values: kept }, { status: 400 });

  let id: number;
  try {
    ({ id } = await createUser(db, input));
  } catch (error) {
    // Someone created the same email address between the check and the insert.
    if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") {
      return data({ errors: { email: DUPLICATE_EMAIL } as FieldErrors, values: kept }, { status: 400 });
    }
    throw error;
  }
  const detail = [ROLE_LABELS[input.role], input.role === "force_lead" ? organisationName : null].filter(Boolean).join(", ");
  await recordAdminAction(db, admin.id, "created account", input.email, detail);
  return redirect(`/admin/users/${id}?saved=created`);
}

const ROLE_HINTS: Record<(typeof ROLES)[number], string> = {
  force_lead: "Writes up and submits practice for one organisation.",
  reviewer: "Reviews and publishes submitted practice.",
  admin: "Manages accounts, organisations, tags and the Week of Action listings.",
};

export default function NewAccount() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sent = actionData?.values;
  const defaults = {
    name: keptText(sent, "name", ""),
    email: keptText(sent, "email", ""),
    role: keptText(sent, "role", ""),
    organisationId: keptText(sent, "organisationId", ""),
    password: "",
  };
  const { register, errors, onSubmit } = useSchemaForm(newAccountSchema, {
    defaultValues: defaults,
    serverErrors: actionData?.errors,
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <AdminBreadcrumbs items={[{ to: "/admin/users", label: "Accounts" }]} />
        <ErrorSummary errors={errors} order={ORDER} />
        <h1 className="govuk-heading-xl">Create an account</h1>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <TextInput
            name="name"
            label="Full name"
            autoComplete="off"
            spellCheck={false}
            defaultValue={defaults.name}
            error={errors.name}
            registration={register("name")}
          />
          <TextInput
            name="email"
            label="Email address"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={defaults.email}
            error={errors.email}
            registration={register("email")}
          />
          <Radios
            name="role"
            label="Role"
            legendClass="govuk-fieldset__legend govuk-fieldset__legend--m"
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], hint: ROLE_HINTS[r] }))}
            defaultValue={defaults.role}
            error={errors.role}
            registration={register("role")}
          />
          <Select
            name="organisationId"
            label="Organisation"
            hint="Needed for force leads only: the organisation they write for. Leave it blank for reviewers and administrators."
            options={organisations}
            placeholder="Choose an organisation"
            defaultValue={defaults.organisationId}
            error={errors.organisationId}
            registration={register("organisationId")}
          />
          <TextInput
            name="password"
            label="Initial password"
            type="password"
            autoComplete="new-password"
            hint={`Must be at least ${MIN_PASSWORD_LENGTH} characters. Give it to the person in a secure way, not in the same email as their sign-in address.`}
            error={errors.password}
            registration={register("password")}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === "submitting"}>
            Create account
          </button>
        </Form>
      </div>
    </div>
  );
}
