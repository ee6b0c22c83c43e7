import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary } from "~/components/form/error-summary";
import { TextInput } from "~/components/form/fields";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { getDb } from "~/db.server";
import { getUser, startSession } from "~/lib/auth.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { landingPathFor, safeRedirectPath } from "~/lib/permissions";
import { trustedDeviceFor } from "~/lib/device-cookie.server";
import { attemptSignIn } from "~/lib/sign-in.server";
import { parseWith } from "~/lib/validation";
import { signInSchema } from "~/schemas/sign-in";

export const meta: MetaFunction = () => [{ title: "Sign in - Neighbourhood policing practice bank" }];

// Passes the action's Retry-After through to the page response.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (user) throw redirect(safeRedirectPath(redirectTo, landingPathFor(user.role)));
  return { redirectTo: safeRedirectPath(redirectTo, "") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formToObject(await readForm(request));
  const submission = parseWith(signInSchema, values);
  // The password is never sent back to the page.
  const kept = { email: typeof values.email === "string" ? values.email : "", redirectTo: values.redirectTo };
  if (!submission.ok) return data({ errors: submission.errors, values: kept }, { status: 400 });

  const db = getDb();
  const trusted = await trustedDeviceFor(request, submission.data.email);
  const result = await attemptSignIn(db, submission.data.email, submission.data.password, context.clientAddress, trusted);
  if (result.ok) {
    const user = await db.selectFrom("users").select("role").where("id", "=", result.userId).executeTakeFirstOrThrow();
    return startSession(request, result.userId, safeRedirectPath(submission.data.redirectTo, landingPathFor(user.role)));
  }
  if (result.reason === "throttled") {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data(
      {
        errors: { email: `Too many attempts to sign in. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.` },
        values: kept,
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  // The same words whether the email or the password was wrong, so the form
  // does not tell anyone which emails have accounts.
  return data({ errors: { email: "Email address or password is wrong" }, values: kept }, { status: 401 });
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { register, errors, onSubmit, form } = useSchemaForm(signInSchema, {
    defaultValues: { email: actionData?.values.email ?? "", password: "", redirectTo },
    serverErrors: actionData?.errors,
  });
  // A refused password is cleared, as it is when the page reloads without JavaScript.
  useEffect(() => {
    if (actionData) form.setValue("password", "");
  }, [actionData, form]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={["email", "password"]} />
        <h1 className="govuk-heading-xl">Sign in</h1>
        <p className="govuk-body">
          Sign in to write up your force&apos;s practice, review submissions or manage the service. You do not need an
          account to search published practice.
        </p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            name="email"
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={actionData?.values.email ?? ""}
            error={errors.email}
            registration={register("email")}
          />
          <TextInput
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errors.password}
            registration={register("password")}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === "submitting"}>
            Sign in
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgot-password">
            Forgot your password?
          </Link>
        </p>
      </div>
    </div>
  );
}
