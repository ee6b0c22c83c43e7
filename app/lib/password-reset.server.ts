import { writeTransaction } from "../../db/transaction";
import type { DB } from "~/db.server";
import { queuePasswordReset } from "~/lib/account-admin.server";
import { recordFailedAttempt, secondsUntilAllowed } from "~/models/login-attempt.server";
import { findUserByEmail } from "~/models/user.server";

const HOUR_MS = 60 * 60 * 1000;

export type ResetRequestResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * "Forgot your password?". The answer is the same whether or not the email
 * has an account: only the email itself differs. Two limits: one per address
 * (which says so, since it reveals nothing about accounts) and a quiet one per
 * email, so nobody can flood a person's inbox with reset links.
 */
export async function requestPasswordReset(db: DB, email: string, ip: string): Promise<ResetRequestResult> {
  const perAddress = { bucket: `reset-address:${ip}`, limit: 10, windowMs: HOUR_MS };
  const perEmail = { bucket: `reset-email:${email}`, limit: 3, windowMs: HOUR_MS };
  const wait = await secondsUntilAllowed(db, [perAddress]);
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };
  const quiet = (await secondsUntilAllowed(db, [perEmail])) > 0;
  await recordFailedAttempt(db, [perAddress.bucket, perEmail.bucket]);
  if (quiet) return { ok: true };
  const user = await findUserByEmail(db, email);
  if (user && !user.disabled_at) {
    await writeTransaction(db, (trx) => queuePasswordReset(trx, { id: user.id, name: user.name, email: user.email }));
  }
  return { ok: true };
}
