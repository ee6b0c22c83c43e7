import { createHash, randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import type { DB } from "~/db.server";
import type { AccountTokenPurpose, Database } from "../../db/schema";

type Executor = DB | Transaction<Database>;

const HOUR_MS = 60 * 60 * 1000;

/** How long each kind of one-time link works (issue 10). */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  invitation: 7 * 24 * HOUR_MS,
  password_reset: HOUR_MS,
  email_confirmation: 24 * HOUR_MS,
};
/** The first administrator's link, printed by `npm run create-admin`. */
export const CREATE_ADMIN_LIFETIME_MS = 24 * HOUR_MS;

export function tokenDigest(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

function newToken() {
  return randomBytes(32).toString("base64url");
}

/**
 * A one-time link for a person's account: an invitation or a password reset.
 * It replaces every unused link the account had, so only the newest one works.
 * Returns the token; only its SHA-256 is stored.
 */
export async function issueUserToken(
  trx: Executor,
  userId: number,
  purpose: "invitation" | "password_reset",
  { lifetimeMs = TOKEN_LIFETIME_MS[purpose], now = new Date() }: { lifetimeMs?: number; now?: Date } = {},
): Promise<string> {
  await cancelUserTokens(trx, userId);
  const token = newToken();
  await trx
    .insertInto("account_tokens")
    .values({
      token_hash: tokenDigest(token),
      purpose,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + lifetimeMs).toISOString(),
    })
    .execute();
  return token;
}

/** A link that confirms the email address of an account request. */
export async function issueRequestToken(trx: Executor, accountRequestId: number, now = new Date()): Promise<string> {
  const token = newToken();
  await trx
    .insertInto("account_tokens")
    .values({
      token_hash: tokenDigest(token),
      purpose: "email_confirmation",
      account_request_id: accountRequestId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS.email_confirmation).toISOString(),
    })
    .execute();
  return token;
}

/** Ends every unused link of an account (a cancelled invitation, or a newer link). */
export async function cancelUserTokens(trx: Executor, userId: number) {
  await trx.deleteFrom("account_tokens").where("user_id", "=", userId).where("used_at", "is", null).execute();
}

export type TokenCheck =
  | { status: "valid"; id: number; purpose: AccountTokenPurpose; userId: number | null; accountRequestId: number | null }
  | { status: "expired" | "used"; purpose: AccountTokenPurpose }
  | { status: "unknown" };

/** What a link is worth, without using it: opening the page (or a mail scanner fetching it) changes nothing. */
export async function checkToken(db: Executor, token: string, now = new Date()): Promise<TokenCheck> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "unknown" };
  const row = await db.selectFrom("account_tokens").selectAll().where("token_hash", "=", tokenDigest(token)).executeTakeFirst();
  if (!row) return { status: "unknown" };
  if (row.used_at) return { status: "used", purpose: row.purpose };
  if (row.expires_at <= now.toISOString()) return { status: "expired", purpose: row.purpose };
  return { status: "valid", id: row.id, purpose: row.purpose, userId: row.user_id, accountRequestId: row.account_request_id };
}

/**
 * Marks a link used. One UPDATE with the conditions in its WHERE clause, so of
 * two requests racing with the same link only one succeeds.
 */
export async function useToken(trx: Executor, id: number, now = new Date()): Promise<boolean> {
  const result = await trx
    .updateTable("account_tokens")
    .set({ used_at: now.toISOString() })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** When the account's open invitation ends, or null if it has none. */
export async function openInvitationExpiry(db: Executor, userId: number, now = new Date()): Promise<string | null> {
  const row = await db
    .selectFrom("account_tokens")
    .select("expires_at")
    .where("user_id", "=", userId)
    .where("purpose", "=", "invitation")
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.expires_at ?? null;
}
