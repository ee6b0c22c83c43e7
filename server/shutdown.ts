import type { Server } from "node:http";
import { sql } from "kysely";
import { closeDb, getDb } from "~/db.server";
import type { MailWorker } from "~/lib/mail/worker.server";

// SIGTERM or SIGINT (README, "Stopping and health checks"): stop taking new
// connections, let requests in flight finish, stop the mail worker, fold the
// write-ahead log into the database file and close it, then exit 0. A request
// still running after IN_FLIGHT_GRACE_MS is cut off so the process always
// stops within 10 seconds, the usual time a supervisor waits before SIGKILL.

const IN_FLIGHT_GRACE_MS = 7000;
/** A send in progress gets this long; the email stays claimed and is retried if it is cut off. */
const MAIL_GRACE_MS = 2000;
const HARD_DEADLINE_MS = 9500;

/** Anything on a timer (housekeeping) that must not start new work while the database closes. */
interface Stoppable {
  stop(): unknown;
}

export function stopGracefullyOnSignal(server: Server, timers: Stoppable[], mailWorker: MailWorker | undefined) {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal}: stopping; requests in flight may finish`);
    setTimeout(() => {
      console.error("Stopping took too long; exiting without closing the database cleanly");
      process.exit(1);
    }, HARD_DEADLINE_MS).unref();
    for (const timer of timers) void timer.stop();
    void shutDown(server, mailWorker).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Stopping failed:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

async function shutDown(server: Server, mailWorker: MailWorker | undefined) {
  const mailStopped = Promise.race([mailWorker?.stop().then(() => console.info("Mail worker stopped")), delay(MAIL_GRACE_MS)]);
  await closeServer(server);
  await mailStopped;
  try {
    // TRUNCATE leaves an empty -wal: a copy of the .sqlite file alone is then complete.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(getDb());
  } finally {
    await closeDb();
  }
  console.info("Database checkpointed and closed; stopped");
}

/** Resolves once every connection has ended: idle keep-alive ones at once, busy ones when their response is sent. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // A keep-alive connection goes idle after its response; close it then, rather than wait for its timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const cutOff = setTimeout(() => {
      console.error(`Requests still running after ${IN_FLIGHT_GRACE_MS / 1000} s were cut off`);
      server.closeAllConnections();
    }, IN_FLIGHT_GRACE_MS);
    server.once("close", () => {
      clearInterval(sweep);
      clearTimeout(cutOff);
    });
    server.closeIdleConnections();
  });
}

function delay(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
}
