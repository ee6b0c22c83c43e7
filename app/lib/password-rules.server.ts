import { dictionary } from "@zxcvbn-ts/language-common";

// The zxcvbn-ts project's list of about 49,000 passwords most often seen in
// breaches. Compared without case or spaces: "Password 1234" is as weak as
// "password1234". Only passwords long enough to pass the length rule matter.
let common: Set<string> | undefined;
function commonPasswords() {
  common ??= new Set(dictionary["passwords-common"].filter((p) => p.length >= 10).map(squash));
  return common;
}

function squash(text: string) {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

const SERVICE_WORDS = ["practicebank", "neighbourhoodpolicingpracticebank", "policingpracticebank"];

/**
 * Why a password that passes the length rule is still refused, or null.
 * `context` is what an attacker would try first: the person's email and name.
 */
export function weakPasswordReason(password: string, context: { email?: string; name?: string } = {}): string | null {
  const squashed = squash(password);
  if (commonPasswords().has(squashed)) {
    return "This password is on a list of passwords that are used often or have been leaked, so it is easy to guess. Choose a different one";
  }
  const own = [context.email, context.email?.split("@")[0], context.name].filter((v): v is string => Boolean(v && v.length >= 4)).map(squash);
  if (own.some((word) => squashed === word) || SERVICE_WORDS.some((word) => squashed.startsWith(word))) {
    return "Your password must not be your name, your email address or the name of this service. Choose a different one";
  }
  if (/^(.)\1+$/u.test(squashed) || /^(?:0123456789|1234567890|abcdefghij)/.test(squashed)) {
    return "This password is a simple pattern that is easy to guess. Choose a different one";
  }
  return null;
}
