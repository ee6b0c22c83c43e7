import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { StatusTag } from "~/components/admin/status-tag";
import { SuccessBanner } from "~/components/admin/success-banner";
import { ErrorSummary } from "~/components/form/error-summary";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { getDb } from "~/db.server";
import { requireRole } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { ROLE_LABELS } from "~/lib/permissions";
import { formatUkDateTime } from "~/lib/uk-time";
import { parseWith, type FieldErrors } from "~/lib/validation";
import { recordAdminAction } from "~/models/admin-audit.server";
import { getUser as getAccount, setUserDisabled } from "~/models/user.server";
import { accountStatusSchema } from "~/schemas/admin-account";
import { recordIdFrom } from "~/schemas/admin-common";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.account.name ?? "Account"} - Administration - Neighbourhood policing practice bank` },
];

const SAVED_FLAGS = ["created", "disabled", "enabled"] as const;
type SavedFlag = (typeof SAVED_FLAGS)[number];
const SELF = "You cannot disable your own account. Ask another administrator if it needs to be disabled.";

async function findAccount(id: number) {
  const account = await getAccount(getDb(), id);
  if (!account) throw new Response(null, { status: 404 });
  return account;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const account = await findAccount(recordIdFrom(params.id));
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      role: ROLE_LABELS[account.role],
      organisation: account.organisation_name,
      disabledAt: account.disabled_at ? formatUkDateTime(account.disabled_at) : null,
    },
    isSelf: account.id === admin.id,
    saved: SAVED_FLAGS.includes(saved as SavedFlag) ? (saved as SavedFlag) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const account = await findAccount(recordIdFrom(params.id));
  const values = formToObject(await readForm(request));
  const submission = parseWith(accountStatusSchema, values);
  if (!submission.ok) return data({ errors: submission.errors }, { status: 400 });
  if (account.id === admin.id) return data({ errors: { change: SELF } as FieldErrors }, { status: 400 });

  const disable = submission.data.change === "disable";
  // A repeated press (double click, back and resubmit) changes nothing more.
  if (disable !== (account.disabled_at !== null)) {
    const db = getDb();
    // Disabling also deletes every session the person has: they are signed out everywhere.
    await setUserDisabled(db, account.id, disable);
    await recordAdminAction(db, admin.id, disable ? "disabled account" : "enabled account", account.email);
  }
  return redirect(`/admin/users/${account.id}?saved=${disable ? "disabled" : "enabled"}`);
}

function bannerText(saved: SavedFlag, name: string) {
  switch (saved) {
    case "created":
      return `Account created for ${name}. Give them their password in a secure way.`;
    case "disabled":
      return `${name}'s account has been disabled. They have been signed out and cannot sign in.`;
    case "enabled":
      return `${name}'s account has been enabled. They can sign in again.`;
  }
}

export default function AccountRoute() {
  const { account } = useLoaderData<typeof loader>();
  // A fresh form whenever the account or its status changes: the redirect after
  // disabling comes back to this same page, and fields only read their defaults once.
  return <Account key={`${account.id}-${account.disabledAt ?? "active"}`} />;
}

function Account() {
  const { account, isSelf, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const change = account.disabledAt ? "enable" : "disable";
  const { register, errors, onSubmit } = useSchemaForm(accountStatusSchema, {
    defaultValues: { change },
    serverErrors: actionData?.errors,
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <AdminBreadcrumbs items={[{ to: "/admin/users", label: "Accounts" }]} />
        <ErrorSummary errors={errors} order={["change"]} />
        {saved && !actionData ? <SuccessBanner>{bannerText(saved, account.name)}</SuccessBanner> : null}
        <span className="govuk-caption-l">Account</span>
        <h1 className="govuk-heading-xl">{account.name}</h1>
        <dl className="govuk-summary-list" data-testid="account-details">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Email address</dt>
            <dd className="govuk-summary-list__value">{account.email}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Role</dt>
            <dd className="govuk-summary-list__value">{account.role}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Organisation</dt>
            <dd className="govuk-summary-list__value">{account.organisation ?? "None"}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">
              <StatusTag on={!account.disabledAt} onText="Active" offText="Disabled" />
              {account.disabledAt ? <span className="govuk-body"> since {account.disabledAt}</span> : null}
            </dd>
          </div>
        </dl>
        {isSelf ? (
          <div id="change" className="govuk-inset-text">
            This is your account. You cannot disable it yourself.
          </div>
        ) : (
          <Form method="post" noValidate onSubmit={onSubmit}>
            <input type="hidden" value={change} {...register("change")} />
            <p className="govuk-body">
              {change === "disable"
                ? "Disabling the account signs the person out everywhere straight away and stops them signing in. Nothing they wrote is deleted."
                : "Enabling the account lets the person sign in again with their existing password."}
            </p>
            <button
              id="change"
              type="submit"
              className={`govuk-button${change === "disable" ? " govuk-button--warning" : ""}`}
              data-module="govuk-button"
              disabled={navigation.state === "submitting"}
            >
              {change === "disable" ? "Disable account" : "Enable account"}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
