import type { Config } from "~/lib/config.server";
import { holdDatabase } from "../db/server-pid";
import { startScheduledBackups } from "./scheduled-backups";

/**
 * What the first server process does for the database besides serving it:
 * a pid file beside it, so `npm run db:restore` refuses while it runs, and
 * the scheduled backups when BACKUP_DIR and BACKUP_INTERVAL_HOURS are set.
 */
export function startDatabaseUpkeep(config: Config) {
  holdDatabase(config.DATABASE_PATH);
  if (config.BACKUP_DIR && config.BACKUP_INTERVAL_HOURS) {
    startScheduledBackups({ databasePath: config.DATABASE_PATH, dir: config.BACKUP_DIR, intervalHours: config.BACKUP_INTERVAL_HOURS, keep: config.BACKUP_KEEP });
  }
}
