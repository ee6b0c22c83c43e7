import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { NewPasswordFields } from "~/components/account/new-password-fields";
import { SuccessBanner } from "~/components/admin/success-banner";
import { ErrorSummary } from "~/components/form/error-summary";
import { TextInput } from "~/components/form/fields";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { getDb } from "~/db.server";
import { changePassword, signOutOtherBrowsers } from "~/lib/account-self.server";
import { readToken, requireUser } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { ROLE_LABELS } from "~/lib/permissions";
import { formatUkDateTime } from "~/lib/uk-time";
import { describeUserAgent } from "~/lib/user-agent";
import { parseWith } from "~/lib/validation";
import { listUserSessions } from "~/models/login-session.server";
import { changePasswordSchema } from "~/schemas/password";

export const meta: MetaFunction = () => [{ title: "Your account - Neighbourhood policing practice bank" }];

const SAVED = { "password-changed": "Your password has been changed. You have been signed out of every other browser.", "signed-out-others": "You have been signed out of every other browser." } as const;
type Saved = keyof typeof SAVED;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await listUserSessions(getDb(), user.id, await readToken(request));
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    user: { name: user.name, email: user.email, role: ROLE_LABELS[user.role], organisation: user.organisationName },
    browsers: sessions.map((s) => ({ current: s.current, what: describeUserAgent(s.userAgent), since: formatUkDateTime(s.createdAt), lastSeen: formatUkDateTime(s.lastSeenAt) })),
    saved: saved && saved in SAVED ? SAVED[saved as Saved] : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const token = (await readToken(request))!;
  const values = formToObject(await readForm(request));
  const db = getDb();
  if (values.intent === "sign-out-others") {
    await signOutOtherBrowsers(db, user, token);
    return redirect("/account?saved=signed-out-others");
  }
  // Passwords are never sent back to the page.
  const submission = parseWith(changePasswordSchema, values);
  if (!submission.ok) return data({ errors: submission.errors }, { status: 400 });
  const result = await changePassword(db, user, token, submission.data.currentPassword, submission.data.password);
  if (!result.ok) return data({ errors: { [result.field]: result.message } }, { status: result.status });
  return redirect("/account?saved=password-changed");
}

export default function YourAccount() {
  const { user, browsers, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { register, errors, onSubmit, form } = useSchemaForm(changePasswordSchema, {
    defaultValues: { currentPassword: "", password: "", confirmPassword: "" },
    serverErrors: actionData?.errors,
  });
  useEffect(() => {
    if (actionData) form.reset({ currentPassword: "", password: "", confirmPassword: "" });
  }, [actionData, form]);
  const others = browsers.filter((b) => !b.current).length;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={["currentPassword", "password", "confirmPassword"]} />
        {saved && !actionData ? <SuccessBanner>{saved}</SuccessBanner> : null}
        <h1 className="govuk-heading-xl">Your account</h1>
        <dl className="govuk-summary-list" data-testid="your-details">
          {[
            ["Name", user.name],
            ["Email address", user.email],
            ["Role", user.role],
            ["Organisation", user.organisation ?? "None"],
          ].map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="govuk-body">To change these, ask an administrator.</p>

        <h2 className="govuk-heading-l" id="change-password">Change your password</h2>
        <p className="govuk-body">Changing it signs you out of every other browser.</p>
        <Form method="post" noValidate onSubmit={onSubmit} aria-labelledby="change-password">
          <input type="hidden" name="intent" value="change-password" />
          <input type="hidden" name="username" autoComplete="username" value={user.email} readOnly />
          <TextInput
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            error={errors.currentPassword}
            registration={register("currentPassword")}
          />
          <NewPasswordFields register={register} errors={errors} label="New password" />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === "submitting"}>
            Change password
          </button>
        </Form>

        <h2 className="govuk-heading-l" id="browsers">Where you are signed in</h2>
        <table className="govuk-table" data-testid="browsers">
          <caption className="govuk-table__caption govuk-table__caption--s">Browsers signed in to your account, most recently used first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Browser</th>
              <th scope="col" className="govuk-table__header">Signed in</th>
              <th scope="col" className="govuk-table__header">Last used</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {browsers.map((b, i) => (
              <tr className="govuk-table__row" key={i}>
                <td className="govuk-table__cell">
                  {b.what}
                  {b.current ? <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-2">This browser</strong> : null}
                </td>
                <td className="govuk-table__cell">{b.since}</td>
                <td className="govuk-table__cell">{b.lastSeen}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {others > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out-others" />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={navigation.state === "submitting"}>
              Sign out of all other browsers
            </button>
          </Form>
        ) : (
          <p className="govuk-body">You are not signed in anywhere else.</p>
        )}
      </div>
    </div>
  );
}
