import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { LinkProblem } from "~/components/account/link-problem";
import { NewPasswordFields } from "~/components/account/new-password-fields";
import { ErrorSummary } from "~/components/form/error-summary";
import { useSchemaForm } from "~/components/form/use-schema-form";
import { getDb } from "~/db.server";
import { startSession } from "~/lib/auth.server";
import { readPasswordLink, setPasswordFromLink } from "~/lib/account-links.server";
import { formToObject, readForm } from "~/lib/form-data.server";
import { landingPathFor } from "~/lib/permissions";
import { parseWith } from "~/lib/validation";
import { setPasswordSchema } from "~/schemas/password";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "problem" in data ? "Link problem" : data?.purpose === "password_reset" ? "Choose a new password" : "Create your password"} - Neighbourhood policing practice bank` },
];

// The token is in the address: keep it out of caches and of the Referer header.
const PRIVATE_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
export const headers: HeadersFunction = () => PRIVATE_HEADERS;

const statusFor = (problem: "expired" | "used" | "unknown") => (problem === "unknown" ? 404 : 410);

// Opening the page never uses the link (mail scanners fetch links too): only
// choosing the password does.
export async function loader({ params }: LoaderFunctionArgs) {
  const link = await readPasswordLink(getDb(), params.token ?? "");
  if (!link.ok) return data({ problem: link.problem, purpose: link.purpose }, { status: statusFor(link.problem) });
  return { purpose: link.purpose, email: link.email, name: link.name };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = formToObject(await readForm(request));
  const submission = parseWith(setPasswordSchema, values);
  if (!submission.ok) return data({ errors: submission.errors }, { status: 400 });
  const result = await setPasswordFromLink(getDb(), params.token ?? "", submission.data.password);
  if (result.ok) return startSession(request, result.userId, landingPathFor(result.role));
  if ("weak" in result) return data({ errors: { password: result.weak } }, { status: 400 });
  return data({ problem: result.problem, purpose: result.purpose }, { status: statusFor(result.problem) });
}

export default function SetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if ("problem" in loaded) return <LinkProblem problem={loaded.problem} purpose={loaded.purpose} />;
  if (actionData && "problem" in actionData) return <LinkProblem problem={actionData.problem} purpose={actionData.purpose} />;
  return <PasswordForm purpose={loaded.purpose} email={loaded.email} serverErrors={actionData?.errors} />;
}

function PasswordForm({ purpose, email, serverErrors }: { purpose: string; email: string; serverErrors?: Record<string, string> }) {
  const navigation = useNavigation();
  const { register, errors, onSubmit, form } = useSchemaForm(setPasswordSchema, {
    defaultValues: { password: "", confirmPassword: "" },
    serverErrors,
  });
  // A refused password is cleared, as it is when the page reloads without JavaScript.
  useEffect(() => {
    if (serverErrors) form.reset({ password: "", confirmPassword: "" });
  }, [serverErrors, form]);
  const heading = purpose === "password_reset" ? "Choose a new password" : "Create your password";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={["password", "confirmPassword"]} />
        <h1 className="govuk-heading-xl">{heading}</h1>
        <p className="govuk-body">
          For the account <strong>{email}</strong>. You will be signed in when you have chosen it
          {purpose === "password_reset" ? ", and signed out everywhere else" : ""}.
        </p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          {/* Lets a password manager store the new password against the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
          <NewPasswordFields register={register} errors={errors} label={purpose === "password_reset" ? "New password" : "Create a password"} />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={navigation.state === "submitting"}>
            {purpose === "password_reset" ? "Save new password" : "Create password and sign in"}
          </button>
        </Form>
      </div>
    </div>
  );
}
