import { sql, type Transaction } from "kysely";
import type { DB } from "~/db.server";
import type { Database } from "../../db/schema";

type Executor = DB | Transaction<Database>;

/** After this many attempts a row is given up on (status 'failed'). */
export const MAX_ATTEMPTS = 8;
/** How long a claimed row is reserved for the worker that claimed it. */
export const LEASE_MS = 5 * 60_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;
const MAX_ERROR_LENGTH = 1000;

export interface EmailInput {
  notificationId?: number | null;
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML, sent as an alternative part beside the text. */
  html?: string | null;
}

export interface ClaimedEmail {
  id: number;
  notificationId: number | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Attempts including the one this claim starts. */
  attempts: number;
  createdAt: string;
}

/**
 * Queues one email. Pass the caller's transaction, so the email is written
 * together with the event it reports, or not at all. It is sent later by the
 * mail worker; nothing here talks to a mail server.
 */
export async function enqueueEmail(db: Executor, input: EmailInput): Promise<number> {
  const { id } = await db
    .insertInto("email_outbox")
    .values({
      notification_id: input.notificationId ?? null,
      to_address: input.to,
      subject: input.subject,
      body_text: input.text,
      body_html: input.html ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Whether any pending row is due at `now` (a read, so an idle worker takes no write lock). */
export async function hasDueEmails(db: DB, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom("email_outbox")
    .select("id")
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now.toISOString())
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Claims up to `limit` pending emails that are due at `now`, oldest first.
 *
 * One UPDATE both selects and leases the rows (attempts + 1, next attempt in
 * LEASE_MS), and SQLite runs a write statement as a whole, so a row is
 * handed to at most one caller even when several workers, in this process or
 * another one on the same file, claim at the same moment. The caller must send
 * the claimed emails and then call markSent or markFailedAttempt within the
 * lease; a row left leased (the process died mid-send) becomes due again when
 * the lease ends.
 */
export async function claimDueEmails(db: DB, now: Date, limit: number): Promise<ClaimedEmail[]> {
  if (limit <= 0) return [];
  const at = now.toISOString();
  const rows = await db
    .updateTable("email_outbox")
    .set({
      attempts: sql<number>`attempts + 1`,
      next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString(),
    })
    .where(
      "id",
      "in",
      db
        .selectFrom("email_outbox")
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", at)
        .where("attempts", "<", MAX_ATTEMPTS)
        .orderBy("id")
        .limit(limit),
    )
    // Repeated so the statement stays correct on its own, whatever the subquery sees.
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", at)
    .returning(["id", "notification_id", "to_address", "subject", "body_text", "body_html", "attempts", "created_at"])
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      notificationId: r.notification_id,
      to: r.to_address,
      subject: r.subject,
      text: r.body_text,
      html: r.body_html,
      attempts: r.attempts,
      createdAt: r.created_at,
    }))
    .sort((a, b) => a.id - b.id);
}

/** Records a delivered email. Returns false if the row was not pending (already sent or given up). */
export async function markSent(db: DB, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("email_outbox")
    .set({ status: "sent", sent_at: now.toISOString(), last_error: null })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Wait before the next attempt, given the number of attempts made so far:
 * 30 s, 1, 2, 4, 8, 16, 32 minutes, never more than an hour.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_MS);
}

export type FailedAttemptOutcome = { status: "retrying"; nextAttemptAt: string } | { status: "failed" } | { status: "not_pending" };

/**
 * Records a failed delivery of a claimed row: schedules another attempt with
 * exponential back-off plus up to 10% random jitter (so a batch that failed
 * together does not retry in lock-step), or gives up with status 'failed'
 * once MAX_ATTEMPTS attempts have been made. The error text is kept either way.
 */
export async function markFailedAttempt(
  db: DB,
  id: number,
  error: unknown,
  now: Date,
  random: () => number = Math.random,
): Promise<FailedAttemptOutcome> {
  const row = await db
    .selectFrom("email_outbox")
    .select(["attempts", "status"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || row.status !== "pending") return { status: "not_pending" };
  const lastError = describeError(error);
  if (row.attempts >= MAX_ATTEMPTS) {
    const result = await db
      .updateTable("email_outbox")
      .set({ status: "failed", last_error: lastError })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? { status: "failed" } : { status: "not_pending" };
  }
  const delay = retryDelayMs(row.attempts);
  const nextAttemptAt = new Date(now.getTime() + delay + Math.floor(random() * delay * 0.1)).toISOString();
  const result = await db
    .updateTable("email_outbox")
    .set({ next_attempt_at: nextAttemptAt, last_error: lastError })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? { status: "retrying", nextAttemptAt } : { status: "not_pending" };
}

/**
 * Gives up on rows whose last allowed attempt never reported back (the
 * process stopped mid-send) once that attempt's lease has ended, so they do
 * not stay pending for ever. Returns how many rows it gave up on.
 */
export async function failAbandonedEmails(db: DB, now: Date): Promise<number> {
  const result = await db
    .updateTable("email_outbox")
    .set({
      status: "failed",
      last_error: sql<string>`coalesce(last_error || ' / ', '') || 'the last attempt did not finish'`,
    })
    .where("status", "=", "pending")
    .where("attempts", ">=", MAX_ATTEMPTS)
    .where("next_attempt_at", "<=", now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function getEmail(db: DB, id: number) {
  return db.selectFrom("email_outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
