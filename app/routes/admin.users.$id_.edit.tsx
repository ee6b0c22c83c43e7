import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ACCOUNT_FIELD_ORDER, AccountDetailsFields } from "~/components/admin/account-details-fields";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { keptText } from "~/components/admin/kept-values";
import { WarningText } from "~/components/warning-text";
import { ErrorSummary } from "~/components/form/error-summary";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { getDb } from "~/db.server";
import { accountOr404, editAccount } from "~/lib/account-admin.server";
import { requireRole } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { parseWith, type FieldErrors } from "~/lib/validation";
import { listOrganisations } from "~/models/organisation.server";
import { accountDetailsSchema } from "~/schemas/admin-account";
import { recordIdFrom } from "~/schemas/admin-common";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Change ${data?.account.name ?? "account"} - Administration - Neighbourhood policing practice bank` },
];

const OWN_ROLE = "You cannot change your own role. Ask another administrator to do it.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const account = await accountOr404(getDb(), recordIdFrom(params.id));
  const organisations = await listOrganisations(getDb(), { activeOnly: true });
  return {
    account: { id: account.id, name: account.name, email: account.email, role: account.role, organisationId: account.organisation_id ? String(account.organisation_id) : "" },
    organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const account = await accountOr404(getDb(), recordIdFrom(params.id));
  const values = formToObject(await readForm(request));
  const submission = parseWith(accountDetailsSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });
  // An administrator who demoted themselves would be signed out with no way back.
  if (account.id === admin.id && submission.data.role !== account.role) {
    return data({ errors: { role: OWN_ROLE } as FieldErrors, values }, { status: 400 });
  }
  const result = await editAccount(getDb(), admin.id, account.id, submission.data);
  if (!result.ok) {
    if (!result.problem) throw new Response(null, { status: 404 });
    return data({ errors: { [result.problem.field]: result.problem.message } as FieldErrors, values }, { status: 400 });
  }
  return redirect(`/admin/users/${account.id}?saved=${result.rightsChanged ? "rights-changed" : "changed"}`);
}

export default function EditAccount() {
  const { account, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sent = actionData?.values;
  const defaults = {
    name: keptText(sent, "name", account.name),
    email: keptText(sent, "email", account.email),
    role: keptText(sent, "role", account.role),
    organisationId: keptText(sent, "organisationId", account.organisationId),
  };
  const { register, errors, onSubmit } = useSchemaForm(accountDetailsSchema, { defaultValues: defaults, serverErrors: actionData?.errors });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <AdminBreadcrumbs items={[{ to: "/admin/users", label: "Accounts" }, { to: `/admin/users/${account.id}`, label: account.name }]} />
        <ErrorSummary errors={errors} order={ACCOUNT_FIELD_ORDER} />
        <span className="govuk-caption-l">{account.name}</span>
        <h1 className="govuk-heading-xl">Change account details</h1>
        <WarningText>Changing the role or organisation signs the person out everywhere, so their new rights apply at once.</WarningText>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <AccountDetailsFields defaults={defaults} organisations={organisations} errors={errors} register={register} />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === "submitting"}>
            Save changes
          </button>
        </Form>
      </div>
    </div>
  );
}
