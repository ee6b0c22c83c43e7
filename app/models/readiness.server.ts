import { sql } from "kysely";
import type { DB } from "~/db.server";
import { migrations } from "../../db/migrations/index";

// What /readyz reports (README, "Stopping and health checks"): whether this
// process can serve reads and writes now, for a load balancer.

export interface Readiness {
  ready: boolean;
  database: "reachable" | "unreachable";
  migrations: "current" | "behind" | "ahead" | "unknown";
  writable: "yes" | "no" | "unknown";
}

export const READY_CHECK_KEY = "readyz_checked_at";

export async function checkReadiness(db: DB): Promise<Readiness> {
  const result: Readiness = { ready: false, database: "unreachable", migrations: "unknown", writable: "unknown" };
  let applied: string[];
  try {
    applied = (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((r) => r.name);
    result.database = "reachable";
  } catch {
    return result;
  }
  const known = Object.keys(migrations);
  if (applied.some((m) => !known.includes(m))) result.migrations = "ahead";
  else result.migrations = known.every((m) => applied.includes(m)) ? "current" : "behind";
  result.writable = (await canWrite(db)) ? "yes" : "no";
  result.ready = result.migrations === "current" && result.writable === "yes";
  return result;
}

/**
 * A real write that reaches the file: one row of app_settings, the time of the
 * last check, overwritten each time. (A write rolled back never leaves the page
 * cache, so it would pass on a full or read-only disk.)
 */
async function canWrite(db: DB): Promise<boolean> {
  try {
    const value = new Date().toISOString();
    await db.insertInto("app_settings").values({ key: READY_CHECK_KEY, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
    return true;
  } catch {
    return false;
  }
}
