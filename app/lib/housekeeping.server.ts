import type { DB } from "~/db.server";
import { SIGN_IN_WINDOW_MS } from "~/lib/sign-in.server";
import { pruneAttempts } from "~/models/login-attempt.server";
import { deleteExpiredSessions } from "~/models/login-session.server";

// Rows that nothing reads any more, deleted on a schedule so the tables do
// not grow without bound: sessions that have ended (idle or past their
// absolute limit) and sign-in attempts older than the throttle window.
// Deleting them changes nothing a person sees.

export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

export interface HousekeepingCounts {
  sessions: number;
  loginAttempts: number;
}

export async function runHousekeeping(db: DB, now = new Date()): Promise<HousekeepingCounts> {
  const sessions = await deleteExpiredSessions(db, now);
  const loginAttempts = await pruneAttempts(db, SIGN_IN_WINDOW_MS, now.getTime());
  return { sessions, loginAttempts };
}

export interface Housekeeping {
  /** Stops the timer and waits for a pass in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs a pass now and then every hour, never two at once. Errors are logged
 * and the next pass tries again; nothing is thrown into the server. Several
 * server processes each run it; the deletes are idempotent.
 */
export function startHousekeeping(db: DB, { intervalMs = HOUSEKEEPING_INTERVAL_MS } = {}): Housekeeping {
  let running: Promise<void> | undefined;
  let stopped = false;

  const pass = () => {
    if (running || stopped) return;
    running = runHousekeeping(db)
      .then(({ sessions, loginAttempts }) => {
        if (sessions || loginAttempts) console.info(`Housekeeping: deleted ${sessions} ended sessions and ${loginAttempts} old sign-in attempts`);
      })
      .catch((error: unknown) => console.error("Housekeeping: pass failed:", error))
      .finally(() => {
        running = undefined;
      });
  };

  const timer = setInterval(pass, intervalMs);
  // The HTTP server keeps the process alive; housekeeping alone should not.
  timer.unref();
  setImmediate(pass);

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
