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

class RolledBack extends Error {}

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

/** A real write, rolled back: the file accepts writes (not read-only, not full, not locked beyond the busy timeout). */
async function canWrite(db: DB): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("app_settings").values({ key: `readyz-${process.pid}-${Date.now()}`, value: "x".repeat(64) }).execute();
      throw new RolledBack();
    });
    return true;
  } catch (e) {
    return e instanceof RolledBack;
  }
}
