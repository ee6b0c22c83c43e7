import fs from "node:fs";
import path from "node:path";
import { backupDatabase } from "../db/backup";

// BACKUP_DIR and BACKUP_INTERVAL_HOURS (README, "Back up and restore"): the
// server writes a backup the way `npm run db:backup` does, named by the time,
// and keeps the newest BACKUP_KEEP. Only the first process does it (with
// WEB_CONCURRENCY > 1 it serves no requests, so the copy holds none up).

const NAME = /^practice-bank-\d{8}T\d{6}\.\d{3}Z\.sqlite$/;

export interface BackupSchedule {
  databasePath: string;
  dir: string;
  intervalHours: number;
  keep: number;
}

export function backupFileName(date = new Date()) {
  return `practice-bank-${date.toISOString().replace(/[-:]/g, "")}.sqlite`;
}

/** Writes one backup into `dir` and removes all but the newest `keep`; returns the file written. */
export function writeScheduledBackup({ databasePath, dir, keep }: Omit<BackupSchedule, "intervalHours">): string {
  const { file, bytes } = backupDatabase(databasePath, path.join(dir, backupFileName()));
  // Names sort by time; anything else in the folder is left alone.
  const ours = fs.readdirSync(dir).filter((f) => NAME.test(f)).sort();
  for (const old of ours.slice(0, Math.max(0, ours.length - keep))) fs.rmSync(path.join(dir, old), { force: true });
  console.info(`Backup written: ${file} (${bytes.toLocaleString("en-GB")} bytes)`);
  return file;
}

export function startScheduledBackups(schedule: BackupSchedule): () => void {
  fs.mkdirSync(schedule.dir, { recursive: true });
  const every = Math.round(schedule.intervalHours * 3_600_000);
  console.info(`Backups: every ${schedule.intervalHours} h to ${path.resolve(schedule.dir)}, keeping the newest ${schedule.keep}`);
  const timer = setInterval(() => {
    try {
      writeScheduledBackup(schedule);
    } catch (error) {
      // A failed backup is reported and tried again next time; it never stops the server.
      console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
