import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AccountStatusTag } from "~/components/admin/account-status-tag";
import { AdminBreadcrumbs } from "~/components/admin/breadcrumbs";
import { SuccessBanner } from "~/components/admin/success-banner";
import { ErrorSummary } from "~/components/form/error-summary";
import { getDb } from "~/db.server";
import { accountOr404, cancelInvitation, resendInvitation, sendPasswordResetFor, setAccountDisabled } from "~/lib/account-admin.server";
import { requireRole } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { ROLE_LABELS } from "~/lib/permissions";
import { formatUkDateTime } from "~/lib/uk-time";
import { parseWith, type FieldErrors } from "~/lib/validation";
import { openInvitationExpiry } from "~/models/account-token.server";
import { accountStatusSchema, type AccountChange } from "~/schemas/admin-account";
import { recordIdFrom } from "~/schemas/admin-common";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.account.name ?? "Account"} - Administration - Neighbourhood policing practice bank` },
];

const SAVED_FLAGS = ["created", "disabled", "enabled", "changed", "rights-changed", "invitation-sent", "invitation-cancelled", "reset-sent"] as const;
type SavedFlag = (typeof SAVED_FLAGS)[number];
const SELF = "You cannot disable your own account. Ask another administrator if it needs to be disabled.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const account = await accountOr404(getDb(), recordIdFrom(params.id));
  const saved = new URL(request.url).searchParams.get("saved");
  const invitationEnds = account.invited ? await openInvitationExpiry(getDb(), account.id) : null;
  return {
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      role: ROLE_LABELS[account.role],
      organisation: account.organisation_name,
      disabledAt: account.disabled_at ? formatUkDateTime(account.disabled_at) : null,
      invited: Boolean(account.invited),
      invitationEnds: invitationEnds ? formatUkDateTime(invitationEnds) : null,
    },
    isSelf: account.id === admin.id,
    saved: SAVED_FLAGS.includes(saved as SavedFlag) ? (saved as SavedFlag) : null,
  };
}

/** Which change each button makes is allowed in which state; anything else is a stale page. */
function allowed(change: AccountChange, account: { invited: boolean; disabled: boolean }) {
  switch (change) {
    case "disable":
    case "enable":
      return true;
    case "resend-invitation":
    case "cancel-invitation":
      return account.invited && !account.disabled;
    case "send-reset":
      return !account.invited && !account.disabled;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const account = await accountOr404(getDb(), recordIdFrom(params.id));
  const values = formToObject(await readForm(request));
  const submission = parseWith(accountStatusSchema, values);
  if (!submission.ok) return data({ errors: submission.errors }, { status: 400 });
  const change = submission.data.change;
  const state = { invited: Boolean(account.invited), disabled: account.disabled_at !== null };
  if (!allowed(change, state)) {
    return data({ errors: { change: "The account changed since this page was opened. Check its status and try again." } as FieldErrors }, { status: 409 });
  }
  const db = getDb();
  const user = { id: account.id, name: account.name, email: account.email };
  switch (change) {
    case "disable":
    case "enable": {
      if (account.id === admin.id) return data({ errors: { change: SELF } as FieldErrors }, { status: 400 });
      const disable = change === "disable";
      // A repeated press (double click, back and resubmit) changes nothing more.
      if (disable !== state.disabled) {
        await setAccountDisabled(db, admin.id, account, disable);
      }
      return redirect(`/admin/users/${account.id}?saved=${disable ? "disabled" : "enabled"}`);
    }
    case "resend-invitation":
      await resendInvitation(db, admin.id, user);
      return redirect(`/admin/users/${account.id}?saved=invitation-sent`);
    case "cancel-invitation":
      await cancelInvitation(db, admin.id, user);
      return redirect(`/admin/users/${account.id}?saved=invitation-cancelled`);
    case "send-reset":
      await sendPasswordResetFor(db, admin.id, user);
      return redirect(`/admin/users/${account.id}?saved=reset-sent`);
  }
}

function bannerText(saved: SavedFlag, name: string, email: string) {
  switch (saved) {
    case "created":
      return `Invitation sent to ${email}. ${name} can sign in once they have chosen a password from its link.`;
    case "disabled":
      return `${name}'s account has been disabled. They have been signed out and cannot sign in.`;
    case "enabled":
      return `${name}'s account has been enabled. They can sign in again.`;
    case "changed":
      return `${name}'s details have been changed.`;
    case "rights-changed":
      return `${name}'s details have been changed. They have been signed out everywhere, so their new role or organisation applies at once.`;
    case "invitation-sent":
      return `A new invitation has been sent to ${email}. The earlier link no longer works.`;
    case "invitation-cancelled":
      return `The invitation has been cancelled: its link no longer works. You can send a new one.`;
    case "reset-sent":
      return `A link to choose a new password has been sent to ${email}. It works for 1 hour.`;
  }
}

function ActionButton({ change, label, warning = false, id }: { change: AccountChange; label: string; warning?: boolean; id?: string }) {
  const navigation = useNavigation();
  return (
    <Form method="post" className="app-inline-form govuk-!-margin-right-2">
      <input type="hidden" name="change" value={change} />
      <button
        id={id}
        type="submit"
        className={`govuk-button${warning ? " govuk-button--warning" : " govuk-button--secondary"}`}
        data-module="govuk-button"
        disabled={navigation.state === "submitting"}
      >
        {label}
      </button>
    </Form>
  );
}

export default function Account() {
  const { account, isSelf, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.errors ?? {};
  const disabled = account.disabledAt !== null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <AdminBreadcrumbs items={[{ to: "/admin/users", label: "Accounts" }]} />
        <ErrorSummary errors={errors} order={["change"]} />
        {saved && !actionData ? <SuccessBanner>{bannerText(saved, account.name, account.email)}</SuccessBanner> : null}
        <span className="govuk-caption-l">Account</span>
        <h1 className="govuk-heading-xl">{account.name}</h1>
        <dl className="govuk-summary-list" data-testid="account-details">
          {[
            ["Name", account.name],
            ["Email address", account.email],
            ["Role", account.role],
            ["Organisation", account.organisation ?? "None"],
          ].map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
              <dd className="govuk-summary-list__actions">
                <Link className="govuk-link" to={`/admin/users/${account.id}/edit`}>
                  Change<span className="govuk-visually-hidden"> {key.toLowerCase()}</span>
                </Link>
              </dd>
            </div>
          ))}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">
              <AccountStatusTag disabled={disabled} invited={account.invited} />
              {disabled ? <span className="govuk-body"> since {account.disabledAt}</span> : null}
              {!disabled && account.invited ? (
                <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0" data-testid="invitation-status">
                  {account.invitationEnds
                    ? `Has not chosen a password yet. The invitation link works until ${account.invitationEnds}.`
                    : "Has not chosen a password yet. The invitation has expired or was cancelled: send a new one."}
                </p>
              ) : null}
            </dd>
            <dd className="govuk-summary-list__actions" />
          </div>
        </dl>

        {!disabled && account.invited ? (
          <>
            <h2 className="govuk-heading-m">Invitation</h2>
            <ActionButton change="resend-invitation" label="Send the invitation again" />
            {account.invitationEnds ? <ActionButton change="cancel-invitation" label="Cancel the invitation" /> : null}
          </>
        ) : null}
        {!disabled && !account.invited ? (
          <>
            <h2 className="govuk-heading-m">Password</h2>
            <p className="govuk-body">You cannot see or set the password. You can email the person a link to choose a new one; it works once, for 1 hour.</p>
            <ActionButton change="send-reset" label="Send a password reset link" />
          </>
        ) : null}

        <h2 className="govuk-heading-m">Access</h2>
        {isSelf ? (
          <div id="change" className="govuk-inset-text">
            This is your account. You cannot disable it yourself.
          </div>
        ) : (
          <>
            <p className="govuk-body">
              {disabled
                ? "Enabling the account lets the person sign in again with their existing password."
                : "Disabling the account signs the person out everywhere straight away and stops them signing in. Nothing they wrote is deleted."}
            </p>
            <ActionButton id="change" change={disabled ? "enable" : "disable"} label={disabled ? "Enable account" : "Disable account"} warning={!disabled} />
          </>
        )}
      </div>
    </div>
  );
}
