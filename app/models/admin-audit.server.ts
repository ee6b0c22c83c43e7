import type { Transaction } from "kysely";
import type { DB } from "~/db.server";
import type { Database } from "../../db/schema";

/** Pass the transaction that makes the change, so the change and its record commit together. */
export async function recordAdminAction(db: DB | Transaction<Database>, actorId: number, action: string, subject: string, detail = "") {
  await db.insertInto("admin_audit").values({ actor_id: actorId, action, subject, detail }).execute();
}

export function listRecentAdminActions(db: DB, limit = 20) {
  return db
    .selectFrom("admin_audit")
    .innerJoin("users", "users.id", "admin_audit.actor_id")
    .select(["admin_audit.id", "admin_audit.action", "admin_audit.subject", "admin_audit.detail", "admin_audit.created_at", "users.name as actor_name"])
    .orderBy("admin_audit.id", "desc")
    .limit(limit)
    .execute();
}
