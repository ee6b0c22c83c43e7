import type { Transaction } from "kysely";
import type { DB } from "~/db.server";
import type { Database } from "../../db/schema";
import { composeEmail } from "~/lib/mail/compose.server";
import { enqueueEmail } from "./email-outbox.server";

type Executor = DB | Transaction<Database>;

export interface NotificationInput {
  workflowEventId: number | null;
  kind: string;
  title: string;
  body: string;
  url: string;
}

/**
 * In-portal notifications plus one outbox email each, written with the
 * caller's transaction: the event, its notifications and its emails commit
 * together or not at all. Delivery happens later, so a mail problem can never
 * block or undo the workflow step.
 */
export async function notifyUsers(trx: Executor, userIds: number[], input: NotificationInput) {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  const users = await trx.selectFrom("users").select(["id", "email", "name"]).where("id", "in", unique).where("disabled_at", "is", null).execute();
  for (const user of users) {
    const { id } = await trx
      .insertInto("notifications")
      .values({ user_id: user.id, workflow_event_id: input.workflowEventId, kind: input.kind, title: input.title, body: input.body, url: input.url })
      .returning("id")
      .executeTakeFirstOrThrow();
    // An absolute link (from APP_URL): a relative path in an email cannot be followed.
    const email = composeEmail({
      subject: input.title,
      greetingName: user.name,
      paragraphs: [`${input.title}.`, ...(input.body ? [input.body] : [])],
      action: { label: "See it in the practice bank", path: input.url },
    });
    await enqueueEmail(trx, { notificationId: id, to: user.email, ...email });
  }
}

export function activeUserIds(trx: Executor, where: { role: "force_lead" | "reviewer"; organisationId?: number }) {
  let q = trx.selectFrom("users").select("id").where("role", "=", where.role).where("disabled_at", "is", null);
  if (where.organisationId !== undefined) q = q.where("organisation_id", "=", where.organisationId);
  return q.execute().then((rows) => rows.map((r) => r.id));
}

export async function listNotifications(db: DB, userId: number, limit = 50) {
  return db
    .selectFrom("notifications")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function unreadCount(db: DB, userId: number) {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the person's own notifications read; ids of anyone else's are ignored by the WHERE clause. */
export async function markRead(db: DB, userId: number, ids: number[] | "all") {
  let q = db.updateTable("notifications").set({ read_at: new Date().toISOString() }).where("user_id", "=", userId).where("read_at", "is", null);
  if (ids !== "all") {
    if (ids.length === 0) return;
    q = q.where("id", "in", ids);
  }
  await q.execute();
}
