import { writeTransaction } from "../../db/transaction";
import type { DB } from "~/db.server";
import { hashPassword } from "~/lib/password.server";
import { weakPasswordReason } from "~/lib/password-rules.server";
import { checkToken, cancelUserTokens, useToken } from "~/models/account-token.server";
import { deleteUserSessions } from "~/models/login-session.server";
import { getUser, setPasswordHash } from "~/models/user.server";
import type { AccountTokenPurpose, Role } from "../../db/schema";

// Choosing a password from a one-time link (an invitation, a reset, or the
// first administrator's link from create-admin).

export type LinkProblem = { problem: "expired" | "used" | "unknown"; purpose: AccountTokenPurpose | null };

export type PasswordLink =
  | { ok: true; tokenId: number; purpose: "invitation" | "password_reset"; userId: number; name: string; email: string }
  | ({ ok: false } & LinkProblem);

/** What a password link is for, without using it. A disabled account's link looks like any unknown link. */
export async function readPasswordLink(db: DB, token: string): Promise<PasswordLink> {
  const check = await checkToken(db, token);
  if (check.status === "unknown") return { ok: false, problem: "unknown", purpose: null };
  if (check.status !== "valid") return { ok: false, problem: check.status, purpose: check.purpose };
  if (check.purpose === "email_confirmation" || check.userId === null) return { ok: false, problem: "unknown", purpose: null };
  const user = await getUser(db, check.userId);
  if (!user || user.disabled_at) return { ok: false, problem: "unknown", purpose: null };
  return { ok: true, tokenId: check.id, purpose: check.purpose, userId: user.id, name: user.name, email: user.email };
}

export type SetPasswordResult =
  | { ok: true; userId: number; role: Role }
  | { ok: false; weak: string }
  | ({ ok: false } & LinkProblem);

/**
 * Sets the password and uses the link, in one transaction, and ends every
 * session of the account: whoever knew the old password is signed out.
 */
export async function setPasswordFromLink(db: DB, token: string, password: string): Promise<SetPasswordResult> {
  const link = await readPasswordLink(db, token);
  if (!link.ok) return link;
  const weak = weakPasswordReason(password, { email: link.email, name: link.name });
  if (weak) return { ok: false, weak };
  const hash = await hashPassword(password);
  const used = await writeTransaction(db, async (trx) => {
    if (!(await useToken(trx, link.tokenId))) return false;
    await setPasswordHash(trx, link.userId, hash);
    await deleteUserSessions(trx, link.userId);
    await cancelUserTokens(trx, link.userId);
    return true;
  });
  // Another request used the link between the check and now.
  if (!used) return { ok: false, problem: "used", purpose: link.purpose };
  const user = await getUser(db, link.userId);
  return { ok: true, userId: link.userId, role: user!.role };
}
