import type { DB } from "../../db/connection";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../app/models/login-session.server";
import { SIGN_IN_WINDOW_MS } from "../../app/lib/sign-in.server";

// Sessions and sign-in attempts on both sides of their limits, for the
// housekeeping tests: ids and buckets say which are ended or old.

const HOUR = 60 * 60 * 1000;

export async function addHousekeepingRows(db: DB, userId: number, now = new Date()) {
  const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();
  const session = (id: string, createdAgo: number, lastSeenAgo: number) => ({
    id,
    user_id: userId,
    created_at: at(createdAgo),
    last_seen_at: at(lastSeenAgo),
    expires_at: at(createdAgo - SESSION_ABSOLUTE_MS),
    user_agent: null,
  });
  await db
    .insertInto("sessions")
    .values([
      session("ended-idle", 3 * HOUR, SESSION_IDLE_MS + 60_000),
      // Used a minute ago, but started more than 24 hours ago.
      session("ended-absolute", SESSION_ABSOLUTE_MS + 60_000, 60_000),
      session("live-fresh", 60_000, 60_000),
      session("live-old-but-busy", SESSION_ABSOLUTE_MS - HOUR, 5 * 60_000),
    ])
    .execute();
  await db
    .insertInto("login_attempts")
    .values([
      { bucket: "old", attempted_at: now.getTime() - SIGN_IN_WINDOW_MS - 1000 },
      { bucket: "old", attempted_at: now.getTime() - 30 * 24 * HOUR },
      { bucket: "recent", attempted_at: now.getTime() - SIGN_IN_WINDOW_MS + 60_000 },
      { bucket: "recent", attempted_at: now.getTime() - 1000 },
    ])
    .execute();
}

export async function remainingRows(db: DB) {
  const sessions = (await db.selectFrom("sessions").select("id").orderBy("id").execute()).map((r) => r.id);
  const attempts = (await db.selectFrom("login_attempts").select("bucket").orderBy("id").execute()).map((r) => r.bucket);
  return { sessions, attempts };
}
