import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/error-summary";
import { TextInput } from "~/components/form/fields";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { getDb } from "~/db.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { requestPasswordReset } from "~/lib/password-reset.server";
import { parseWith } from "~/lib/validation";
import { forgotPasswordSchema } from "~/schemas/forgot-password";

export const meta: MetaFunction = () => [{ title: "Reset your password - Neighbourhood policing practice bank" }];

export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formToObject(await readForm(request));
  const kept = { email: typeof values.email === "string" ? values.email : "" };
  const submission = parseWith(forgotPasswordSchema, values);
  if (!submission.ok) return data({ errors: submission.errors, values: kept, sentTo: null }, { status: 400 });
  const result = await requestPasswordReset(getDb(), submission.data.email, context.clientAddress);
  if (!result.ok) {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data(
      { errors: { email: `Too many requests from this connection. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.` }, values: kept, sentTo: null },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return { errors: undefined, values: { email: submission.data.email }, sentTo: submission.data.email };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  if (actionData?.sentTo) return <CheckYourEmail email={actionData.sentTo} />;
  return <RequestForm />;
}

// The same page whether or not the email has an account.
function CheckYourEmail({ email }: { email: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Check your email</h1>
        <p className="govuk-body">
          If <strong>{email}</strong> has an account, we have sent it a link to choose a new password. The link works once, for 1 hour.
        </p>
        <p className="govuk-body">
          It can take a few minutes to arrive; check your spam or junk folder too. If nothing comes, check the address and{" "}
          <Link className="govuk-link" to="/forgot-password" reloadDocument>
            try again
          </Link>
          , or ask an administrator.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/login">
            Back to sign in
          </Link>
        </p>
      </div>
    </div>
  );
}

function RequestForm() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { register, errors, onSubmit } = useSchemaForm(forgotPasswordSchema, {
    defaultValues: { email: actionData?.values.email ?? "" },
    serverErrors: actionData?.errors,
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={["email"]} />
        <h1 className="govuk-heading-xl">Reset your password</h1>
        <p className="govuk-body">Enter the email address you sign in with. We will email you a link to choose a new password.</p>
        <Form method="post" noValidate onSubmit={onSubmit}>
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
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === "submitting"}>
            Send the link
          </button>
        </Form>
      </div>
    </div>
  );
}
