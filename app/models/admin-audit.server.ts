import type { DB } from "~/db.server";

export async function recordAdminAction(db: DB, actorId: number, action: string, subject: string, detail = "") {
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
