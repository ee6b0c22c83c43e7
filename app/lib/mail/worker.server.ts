import type { DB } from "~/db.server";
import { claimDueEmails, failAbandonedEmails, hasDueEmails, LEASE_MS, markFailedAttempt, markSent } from "~/models/email-outbox.server";
import { mailTransportFromConfig, type MailTransport } from "./transport.server";

export interface DeliveryCounts {
  /** Rows this pass claimed and tried to send. */
  attempted: number;
  sent: number;
  /** Failed this time; another attempt is scheduled. */
  retrying: number;
  /** Given up on (status 'failed'). */
  failed: number;
}

export interface DeliverOptions {
  /** Most rows to send in one pass. */
  limit?: number;
}

/**
 * One delivery pass: sends the emails due at `now`, oldest first, and records
 * each outcome. Rows are claimed one at a time, just before they are sent, so
 * every claim's lease starts fresh; the pass stops claiming once half a lease
 * has gone by, so a slow mail server cannot make a lease run out under a send.
 * A failing send is recorded on its row (retry with back-off, or give up);
 * only a database error rejects.
 */
export async function deliverDueEmails(db: DB, transport: MailTransport, now = new Date(), { limit = 50 }: DeliverOptions = {}): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { attempted: 0, sent: 0, retrying: 0, failed: 0 };
  if (!(await hasDueEmails(db, now))) return counts;
  counts.failed += await failAbandonedEmails(db, now);
  const started = Date.now();
  while (counts.attempted < limit && Date.now() - started < LEASE_MS / 2) {
    const [email] = await claimDueEmails(db, now, 1);
    if (!email) break;
    counts.attempted++;
    let error: unknown;
    try {
      await transport.send(email);
    } catch (e) {
      error = e ?? new Error("unknown error");
    }
    if (error === undefined) {
      await markSent(db, email.id, now);
      counts.sent++;
    } else {
      const outcome = await markFailedAttempt(db, email.id, error, now);
      if (outcome.status === "failed") counts.failed++;
      else counts.retrying++;
      console.error(
        `Email ${email.id}: attempt ${email.attempts} failed (${outcome.status === "failed" ? "giving up" : "will retry"}):`,
        error instanceof Error ? error.message : error,
      );
    }
  }
  return counts;
}

export interface MailWorkerOptions {
  intervalMs?: number;
  /** Defaults to the transport from the configuration (SMTP_URL or MAIL_DIR). */
  transport?: MailTransport;
}

export interface MailWorker {
  /** Stops the timer, waits for a pass in progress to finish, and closes the transport. */
  stop(): Promise<void>;
}

/**
 * Runs a delivery pass now and then every `intervalMs`, never two at once.
 * Errors are logged and the next tick tries again; nothing is thrown into the
 * server.
 */
export function startMailWorker(db: DB, { intervalMs = 5000, transport = mailTransportFromConfig() }: MailWorkerOptions = {}): MailWorker {
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = () => {
    if (running || stopped) return;
    running = deliverDueEmails(db, transport)
      .then(() => undefined)
      .catch((error: unknown) => console.error("Mail worker: delivery pass failed:", error))
      .finally(() => {
        running = undefined;
      });
  };

  const timer = setInterval(tick, intervalMs);
  // The HTTP server keeps the process alive; the worker alone should not.
  timer.unref();
  setImmediate(tick);

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await running;
      try {
        transport.close();
      } catch (error) {
        console.error("Mail worker: closing the transport failed:", error);
      }
    },
  };
}
