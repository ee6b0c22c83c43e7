import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ACCOUNT_FIELD_ORDER, AccountDetailsFields } from "~/components/admin/account-details-fields";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { keptText } from "~/components/admin/kept-values";
import { ErrorSummary } from "~/components/form/error-summary";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { getDb } from "~/db.server";
import { inviteAccount } from "~/lib/account-admin.server";
import { requireRole } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { parseWith, type FieldErrors } from "~/lib/validation";
import { listOrganisations } from "~/models/organisation.server";
import { accountDetailsSchema } from "~/schemas/admin-account";

export const meta: MetaFunction = () => [{ title: "Invite someone - Administration - Neighbourhood policing practice bank" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const organisations = await listOrganisations(getDb(), { activeOnly: true });
  return { organisations: organisations.map((o) => ({ value: String(o.id), label: o.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const values = formToObject(await readForm(request));
  const submission = parseWith(accountDetailsSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values }, { status: 400 });
  const result = await inviteAccount(getDb(), admin.id, submission.data);
  if (!result.ok) return data({ errors: { [result.problem.field]: result.problem.message } as FieldErrors, values }, { status: 400 });
  return redirect(`/admin/users/${result.id}?saved=created`);
}

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
  };
  const { register, errors, onSubmit } = useSchemaForm(accountDetailsSchema, { defaultValues: defaults, serverErrors: actionData?.errors });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <AdminBreadcrumbs items={[{ to: "/admin/users", label: "Accounts" }]} />
        <ErrorSummary errors={errors} order={ACCOUNT_FIELD_ORDER} />
        <h1 className="govuk-heading-xl">Invite someone</h1>
        <p className="govuk-body">
          We email them a link to choose their own password. The link works once, for 7 days. You never see or set their password.
        </p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <AccountDetailsFields defaults={defaults} organisations={organisations} errors={errors} register={register} />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === "submitting"}>
            Send invitation
          </button>
        </Form>
      </div>
    </div>
  );
}
