import { Link } from "@remix-run/react";
import type { AccountTokenPurpose } from "../../../db/schema";

export type LinkProblemKind = "expired" | "used" | "unknown";

const HEADINGS: Record<LinkProblemKind, string> = {
  expired: "This link has expired",
  used: "This link has already been used",
  unknown: "This link does not work",
};

// What happened to a one-time link and how to get a new one. It says nothing
// about whether an account exists: an unknown link gets the same page whoever
// follows it.
export function LinkProblem({ problem, purpose }: { problem: LinkProblemKind; purpose: AccountTokenPurpose | null }) {
  return (
    <div className="govuk-grid-row" data-testid="link-problem">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{HEADINGS[problem]}</h1>
        {problem === "unknown" ? (
          <p className="govuk-body">
            The address may be incomplete (check that you copied all of it from the email) or a newer email may have replaced it:
            only the most recent link works.
          </p>
        ) : problem === "used" ? (
          <p className="govuk-body">Each link works only once, and this one has been used.</p>
        ) : (
          <p className="govuk-body">
            {purpose === "password_reset"
              ? "Links to reset a password work for 1 hour."
              : purpose === "email_confirmation"
                ? "Links to confirm an email address work for 24 hours."
                : "Invitation links work for 7 days."}
          </p>
        )}
        <h2 className="govuk-heading-m">How to get a new link</h2>
        {purpose === "email_confirmation" ? (
          <p className="govuk-body">
            <Link className="govuk-link" to="/request-account">
              Request an account again
            </Link>{" "}
            and we will send you a new link.
          </p>
        ) : (
          <ul className="govuk-list govuk-list--bullet">
            {problem === "used" ? (
              <li>
                If you have chosen your password, <Link className="govuk-link" to="/login">sign in</Link>.
              </li>
            ) : null}
            <li>
              If you had an account already,{" "}
              <Link className="govuk-link" to="/forgot-password">
                reset your password
              </Link>{" "}
              to get a new link by email.
            </li>
            <li>If you were invited, ask the administrator who invited you to send the invitation again.</li>
          </ul>
        )}
      </div>
    </div>
  );
}
