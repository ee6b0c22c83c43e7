import type { DB } from "~/db.server";
import { dummyPasswordHash, verifyPassword } from "~/lib/password.server";
import { clearAttempts, recordFailedAttempt, secondsUntilAllowed, type ThrottleRule } from "~/models/login-attempt.server";
import { findUserByEmail, normaliseEmail } from "~/models/user.server";

/** Every sign-in throttle rule looks back this far, and no further: older attempts can be deleted. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
const WINDOW_MS = SIGN_IN_WINDOW_MS;

// Three limits. The tight one is per account *and* address, so someone
// guessing a person's password from one place is stopped quickly without
// locking that person out from their own machine. The per-account limit is
// looser and only lasts the window, which caps how long a distributed attacker
// can keep a real user out. The per-address limit stops one machine spraying
// many accounts.
function rules(email: string, ip: string): ThrottleRule[] {
  return [
    { bucket: `account-address:${email}|${ip}`, limit: 5, windowMs: WINDOW_MS },
    { bucket: `account:${email}`, limit: 20, windowMs: WINDOW_MS },
    { bucket: `address:${ip}`, limit: 50, windowMs: WINDOW_MS },
  ];
}

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function attemptSignIn(db: DB, emailInput: string, password: string, ip: string): Promise<SignInResult> {
  const email = normaliseEmail(emailInput);
  const limits = rules(email, ip);
  const wait = await secondsUntilAllowed(db, limits);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await findUserByEmail(db, email);
  const valid = user
    ? await verifyPassword(password, user.password_hash)
    : await verifyPassword(password, await dummyPasswordHash()).then(() => false);
  if (!user || !valid || user.disabled_at) {
    await recordFailedAttempt(db, limits.map((r) => r.bucket));
    return { ok: false, reason: "invalid" };
  }
  await clearAttempts(db, [limits[0].bucket]);
  return { ok: true, userId: user.id };
}
