import type { DB } from "~/db.server";

export interface ThrottleRule {
  bucket: string;
  limit: number;
  windowMs: number;
}

/** Seconds until every rule allows another attempt; 0 when none is exceeded. */
export async function secondsUntilAllowed(db: DB, rules: ThrottleRule[], now = Date.now()): Promise<number> {
  let wait = 0;
  for (const rule of rules) {
    const recent = await db
      .selectFrom("login_attempts")
      .select("attempted_at")
      .where("bucket", "=", rule.bucket)
      .where("attempted_at", ">", now - rule.windowMs)
      .orderBy("attempted_at", "desc")
      .limit(rule.limit)
      .execute();
    if (recent.length >= rule.limit) {
      // Allowed again once the oldest of the last `limit` failures leaves the window.
      const oldest = recent[recent.length - 1].attempted_at;
      wait = Math.max(wait, Math.ceil((oldest + rule.windowMs - now) / 1000));
    }
  }
  return wait;
}

export async function recordFailedAttempt(db: DB, buckets: string[], now = Date.now()) {
  await db.insertInto("login_attempts").values(buckets.map((bucket) => ({ bucket, attempted_at: now }))).execute();
}

export async function clearAttempts(db: DB, buckets: string[]) {
  if (buckets.length) await db.deleteFrom("login_attempts").where("bucket", "in", buckets).execute();
}

/** Deletes the attempts older than `olderThanMs` (the throttle window: no rule looks further back). Returns how many. */
export async function pruneAttempts(db: DB, olderThanMs: number, now = Date.now()): Promise<number> {
  const result = await db.deleteFrom("login_attempts").where("attempted_at", "<=", now - olderThanMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
