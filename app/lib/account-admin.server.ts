import { writeTransaction } from "../../db/transaction";
import type { DB } from "~/db.server";
import { invitationEmail, passwordResetEmail } from "~/lib/mail/account-emails.server";
import { ROLE_LABELS } from "~/lib/permissions";
import { cancelUserTokens, issueUserToken, TOKEN_LIFETIME_MS } from "~/models/account-token.server";
import { recordAdminAction } from "~/models/admin-audit.server";
import { enqueueEmail } from "~/models/email-outbox.server";
import { getOrganisation } from "~/models/organisation.server";
import { createUser, findUserByEmail, getUser, setUserDisabled, updateUserDetails, type AccountDetails } from "~/models/user.server";
import type { Database } from "../../db/schema";
import type { Transaction } from "kysely";

// What an administrator does to accounts. Each change, its emails (through the
// outbox) and its audit row are written in one transaction: all or nothing.

/** The account an admin page is about, or the site's 404. */
export async function accountOr404(db: DB, id: number) {
  const account = await getUser(db, id);
  if (!account) throw new Response(null, { status: 404 });
  return account;
}

export type DetailsProblem = { field: "email" | "organisationId"; message: string };

export const DUPLICATE_EMAIL = "An account with this email address already exists";

async function detailsProblem(db: DB, input: AccountDetails, exceptUserId?: number): Promise<DetailsProblem | null> {
  const existing = await findUserByEmail(db, input.email);
  if (existing && existing.id !== exceptUserId) return { field: "email", message: DUPLICATE_EMAIL };
  if (input.role === "force_lead" && input.organisationId !== null) {
    const organisation = await getOrganisation(db, input.organisationId);
    if (!organisation || !organisation.active) return { field: "organisationId", message: "Choose an organisation from the list" };
  }
  return null;
}

async function describeRights(db: DB, input: AccountDetails) {
  const organisation = input.role === "force_lead" && input.organisationId !== null ? await getOrganisation(db, input.organisationId) : null;
  return [ROLE_LABELS[input.role], organisation?.name].filter(Boolean).join(", ");
}

function isUniqueViolation(error: unknown) {
  return (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

async function queueInvitation(trx: Transaction<Database>, user: { id: number; name: string; email: string }) {
  const now = new Date();
  const token = await issueUserToken(trx, user.id, "invitation", { now });
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS.invitation).toISOString();
  await enqueueEmail(trx, { to: user.email, ...invitationEmail(user.name, token, expiresAt) });
}

/** Creates the account with no password and emails the person a 7-day link to choose one. */
export async function inviteAccount(db: DB, adminId: number, input: AccountDetails): Promise<{ ok: true; id: number } | { ok: false; problem: DetailsProblem }> {
  const problem = await detailsProblem(db, input);
  if (problem) return { ok: false, problem };
  const detail = await describeRights(db, input);
  try {
    const id = await writeTransaction(db, async (trx) => {
      const { id } = await createUser(trx, input);
      await queueInvitation(trx, { id, name: input.name, email: input.email });
      await recordAdminAction(trx, adminId, "invited account", input.email, detail);
      return id;
    });
    return { ok: true, id };
  } catch (error) {
    // Someone created the same email address between the check and the insert.
    if (isUniqueViolation(error)) return { ok: false, problem: { field: "email", message: DUPLICATE_EMAIL } };
    throw error;
  }
}

/** Changes name, email, role and organisation; a change of role or organisation signs the person out everywhere. */
export async function editAccount(db: DB, adminId: number, userId: number, input: AccountDetails) {
  const problem = await detailsProblem(db, input, userId);
  if (problem) return { ok: false as const, problem };
  const before = await getUser(db, userId);
  if (!before) return { ok: false as const, problem: null };
  const detail = await describeRights(db, input);
  try {
    const { rightsChanged } = await writeTransaction(db, async (trx) => {
      const result = await updateUserDetails(trx, userId, input);
      const changes = [
        before.name !== input.name ? `name ${before.name} → ${input.name}` : null,
        before.email !== input.email ? `email ${before.email} → ${input.email}` : null,
        result.rightsChanged ? `now ${detail}; signed out everywhere` : null,
      ].filter(Boolean);
      await recordAdminAction(trx, adminId, "changed account", input.email, changes.join("; "));
      return result;
    });
    return { ok: true as const, rightsChanged };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const, problem: { field: "email" as const, message: DUPLICATE_EMAIL } };
    throw error;
  }
}

/** A new invitation link (the old one stops working), emailed again. */
export async function resendInvitation(db: DB, adminId: number, user: { id: number; name: string; email: string }) {
  await writeTransaction(db, async (trx) => {
    await queueInvitation(trx, user);
    await recordAdminAction(trx, adminId, "sent invitation again", user.email);
  });
}

export async function cancelInvitation(db: DB, adminId: number, user: { id: number; email: string }) {
  await writeTransaction(db, async (trx) => {
    await cancelUserTokens(trx, user.id);
    await recordAdminAction(trx, adminId, "cancelled invitation", user.email);
  });
}

/** Emails a 1-hour password reset link. `adminId` is null when the person asked for it themselves. */
export async function queuePasswordReset(trx: Transaction<Database>, user: { id: number; name: string; email: string }) {
  const now = new Date();
  const token = await issueUserToken(trx, user.id, "password_reset", { now });
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS.password_reset).toISOString();
  await enqueueEmail(trx, { to: user.email, ...passwordResetEmail(user.name, token, expiresAt) });
}

export async function sendPasswordResetFor(db: DB, adminId: number, user: { id: number; name: string; email: string }) {
  await writeTransaction(db, async (trx) => {
    await queuePasswordReset(trx, user);
    await recordAdminAction(trx, adminId, "sent password reset", user.email);
  });
}

/** Disables (signing the person out everywhere) or enables an account, with its audit row. */
export async function setAccountDisabled(db: DB, adminId: number, account: { id: number; email: string }, disable: boolean) {
  await writeTransaction(db, async (trx) => {
    await setUserDisabled(trx, account.id, disable);
    await recordAdminAction(trx, adminId, disable ? "disabled account" : "enabled account", account.email);
  });
}
