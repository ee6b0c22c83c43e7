import { createHash, randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import type { DB } from "~/db.server";
import type { Database } from "../../db/schema";
import type { SessionUser } from "./user.server";

// A session ends after this long without use, and in any case after the
// absolute limit. Autosave keeps an editing session alive.
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 24 * 60 * 60 * 1000;
// Recording every request would turn each page view into a write.
const TOUCH_INTERVAL_MS = 60 * 1000;

function digest(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export async function createLoginSession(db: DB, userId: number, userAgent: string | null, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({
      id: digest(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export async function findSessionUser(db: DB, token: string, now = new Date()): Promise<SessionUser | null> {
  const id = digest(token);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "sessions.last_seen_at", "sessions.expires_at",
      "users.id", "users.email", "users.name", "users.role", "users.organisation_id",
      "organisations.name as organisation_name",
    ])
    .where("sessions.id", "=", id)
    .where("users.disabled_at", "is", null)
    .where("sessions.expires_at", ">", now.toISOString())
    .where("sessions.last_seen_at", ">", new Date(now.getTime() - SESSION_IDLE_MS).toISOString())
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now.toISOString() }).where("id", "=", id).execute();
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
  };
}

export async function deleteLoginSession(db: DB, token: string) {
  await db.deleteFrom("sessions").where("id", "=", digest(token)).execute();
}

export async function deleteExpiredSessions(db: DB, now = new Date()) {
  await db
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", now.toISOString()),
        eb("last_seen_at", "<=", new Date(now.getTime() - SESSION_IDLE_MS).toISOString()),
      ]),
    )
    .execute();
}

/**
 * Ends the account's sessions, all of them or all but the one whose cookie
 * token is `keepToken` (the browser that asked). Pass the transaction that
 * changes the password or rights, so both happen together.
 */
export async function deleteUserSessions(db: DB | Transaction<Database>, userId: number, keepToken?: string) {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepToken) q = q.where("id", "<>", digest(keepToken));
  await q.execute();
}

export interface SignedInBrowser {
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
}

/** The account's live sessions, most recently used first. */
export async function listUserSessions(db: DB, userId: number, currentToken: string | null, now = new Date()): Promise<SignedInBrowser[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "user_agent"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", now.toISOString())
    .where("last_seen_at", ">", new Date(now.getTime() - SESSION_IDLE_MS).toISOString())
    .orderBy("last_seen_at", "desc")
    .execute();
  const currentId = currentToken ? digest(currentToken) : null;
  return rows.map((r) => ({ current: r.id === currentId, createdAt: r.created_at, lastSeenAt: r.last_seen_at, userAgent: r.user_agent }));
}
