import type { DB } from "~/db.server";
import { dummyPasswordHash, verifyPassword } from "~/lib/password.server";
import { clearAttempts, recordFailedAttempt, secondsUntilAllowed, type ThrottleRule } from "~/models/login-attempt.server";
import { findUserByEmail, normaliseEmail } from "~/models/user.server";

const WINDOW_MS = 15 * 60 * 1000;

/**
 * Which limits a sign-in attempt is held to (README, "Sign-in throttling").
 *
 * From a browser that has signed in to this account before (a valid device
 * cookie, see device-cookie.server.ts) only that browser's own failures
 * count: nobody elsewhere can use up its allowance.
 *
 * From any other browser, three limits: per account and address (tight, so
 * guessing from one place stops quickly), per account (caps a distributed
 * attack on one person), and per address (one machine spraying many
 * accounts). Every limit is keyed only by what was typed and where from, and
 * failures count the same whether or not the account exists, so a refusal
 * never tells anyone which emails have accounts. The per-address limit is
 * high, because a whole force can sit behind one address, and people who
 * have signed in before are not held to it at all.
 */
export function throttleRules(email: string, ip: string, trustedDevice: string | null): ThrottleRule[] {
  if (trustedDevice) return [{ bucket: `device:${trustedDevice}`, limit: 10, windowMs: WINDOW_MS }];
  return [
    { bucket: `account-address:${email}|${ip}`, limit: 5, windowMs: WINDOW_MS },
    { bucket: `account:${email}`, limit: 20, windowMs: WINDOW_MS },
    { bucket: `address:${ip}`, limit: 100, windowMs: WINDOW_MS },
  ];
}

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function attemptSignIn(db: DB, emailInput: string, password: string, ip: string, trustedDevice: string | null = null): Promise<SignInResult> {
  const email = normaliseEmail(emailInput);
  const limits = throttleRules(email, ip, trustedDevice);
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
