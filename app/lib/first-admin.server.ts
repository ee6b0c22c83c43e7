import { writeTransaction } from "../../db/transaction";
import type { DB } from "~/db.server";
import { CREATE_ADMIN_LIFETIME_MS, issueUserToken } from "~/models/account-token.server";
import { recordAdminAction } from "~/models/admin-audit.server";
import { createUser, findUserByEmail, makeAdministrator } from "~/models/user.server";

export interface FirstAdminResult {
  created: boolean;
  userId: number;
  token: string;
  expiresAt: string;
}

/**
 * Creates an administrator, or makes an existing account an enabled
 * administrator, and returns a one-time link token (24 hours) to set its
 * password. No password passes through here: the person chooses it.
 */
export async function ensureAdministrator(db: DB, { email, name }: { email: string; name: string }, now = new Date()): Promise<FirstAdminResult> {
  return writeTransaction(db, async (trx) => {
    const existing = await findUserByEmail(trx, email);
    const userId = existing
      ? (await makeAdministrator(trx, existing.id), existing.id)
      : (await createUser(trx, { email, name, role: "admin", organisationId: null })).id;
    const token = await issueUserToken(trx, userId, "invitation", { lifetimeMs: CREATE_ADMIN_LIFETIME_MS, now });
    // No one is signed in at the command line: the account itself is the actor.
    await recordAdminAction(trx, userId, existing ? "made administrator (create-admin)" : "created administrator (create-admin)", email);
    return { created: !existing, userId, token, expiresAt: new Date(now.getTime() + CREATE_ADMIN_LIFETIME_MS).toISOString() };
  });
}
