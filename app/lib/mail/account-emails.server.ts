import { formatUkDateTime } from "~/lib/uk-time";
import { composeEmail, type ComposedEmail } from "./compose.server";

// The words of every email about accounts, in one place.

export function invitationEmail(name: string, token: string, expiresAt: string): ComposedEmail {
  return composeEmail({
    subject: "You have been invited to the practice bank",
    greetingName: name,
    paragraphs: [
      "An account has been created for you on the Neighbourhood policing practice bank, where police forces share neighbourhood policing practice.",
      `Choose your password with the link below. It works once, until ${formatUkDateTime(expiresAt)}.`,
    ],
    action: { label: "Choose your password", path: `/set-password/${token}` },
    after: ["If you were not expecting this, you can ignore this email: no one can use the account until a password is chosen."],
  });
}

export function passwordResetEmail(name: string, token: string, expiresAt: string): ComposedEmail {
  return composeEmail({
    subject: "Reset your password",
    greetingName: name,
    paragraphs: [
      "Someone asked to reset the password of your practice bank account.",
      `Choose a new password with the link below. It works once, until ${formatUkDateTime(expiresAt)}. Choosing a new password signs you out everywhere else.`,
    ],
    action: { label: "Choose a new password", path: `/set-password/${token}` },
    after: ["If you did not ask for this, ignore this email: your password has not changed."],
  });
}
