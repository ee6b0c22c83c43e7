import { writeTransaction } from "../../db/transaction";
import type { DB } from "~/db.server";
import { hashPassword, verifyPassword } from "~/lib/password.server";
import { weakPasswordReason } from "~/lib/password-rules.server";
import { cancelUserTokens } from "~/models/account-token.server";
import { recordFailedAttempt, secondsUntilAllowed } from "~/models/login-attempt.server";
import { deleteUserSessions } from "~/models/login-session.server";
import { getPasswordHash, setPasswordHash, type SessionUser } from "~/models/user.server";

// What a signed-in person does to their own account on /account.

export type ChangePasswordResult = { ok: true } | { ok: false; field: "currentPassword" | "password"; message: string; status: 400 | 429 };

const WINDOW_MS = 15 * 60 * 1000;

/**
 * A new password, given the current one. Every other session of the account
 * ends (this browser stays signed in), and any reset link stops working.
 * Wrong current passwords are limited like sign-in, so a borrowed unlocked
 * screen cannot be used to guess it.
 */
export async function changePassword(db: DB, user: SessionUser, sessionToken: string, current: string, next: string): Promise<ChangePasswordResult> {
  const rule = { bucket: `change-password:${user.id}`, limit: 5, windowMs: WINDOW_MS };
  if ((await secondsUntilAllowed(db, [rule])) > 0) {
    return { ok: false, field: "currentPassword", message: "Too many wrong passwords. Wait 15 minutes and try again.", status: 429 };
  }
  const stored = await getPasswordHash(db, user.id);
  if (!stored || !(await verifyPassword(current, stored))) {
    await recordFailedAttempt(db, [rule.bucket]);
    return { ok: false, field: "currentPassword", message: "Your current password is wrong", status: 400 };
  }
  const weak = weakPasswordReason(next, { email: user.email, name: user.name });
  if (weak) return { ok: false, field: "password", message: weak, status: 400 };
  const hash = await hashPassword(next);
  await writeTransaction(db, async (trx) => {
    await setPasswordHash(trx, user.id, hash);
    await deleteUserSessions(trx, user.id, sessionToken);
    await cancelUserTokens(trx, user.id);
  });
  return { ok: true };
}

export async function signOutOtherBrowsers(db: DB, user: SessionUser, sessionToken: string) {
  await deleteUserSessions(db, user.id, sessionToken);
}
