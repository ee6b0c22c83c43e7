import fs from "node:fs";
import path from "node:path";
import { BackupError, checkDatabaseFile, migrationLevel, SIDECARS, type BackupResult } from "./backup";
import { openDatabase } from "./connection";
import { migrateToLatest } from "./migrate";
import { serversUsing } from "./server-pid";

export interface RestoreResult extends BackupResult {
  /** Where the database that was there before now is (with its -wal and -shm), or null if there was none. */
  setAside: string | null;
  /** Migrations run on the restored copy because the backup was older than this version. */
  migrated: string[];
}

/** A time stamp that sorts and is safe in a file name, e.g. 20261201T174000Z. */
export function fileStamp(date = new Date()) {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/**
 * Puts the backup `backup` in place of the database `target`:
 * 1. refuses while a server uses `target` (its pid file, db/server-pid.ts);
 * 2. copies the backup beside the target and checks the copy (integrity, the
 *    search index, migration level), migrating it if it is older; the backup
 *    itself is never opened for writing;
 * 3. moves the current database and its -wal and -shm aside, never deleting
 *    them: a stale -wal beside a restored file would be replayed into it;
 * 4. renames the checked copy into place.
 */
export async function restoreDatabase(backup: string, target: string): Promise<RestoreResult> {
  const source = path.resolve(backup);
  const file = path.resolve(target);
  if (!fs.existsSync(source)) throw new BackupError(`There is no backup at ${source}.`);
  if (source === file) throw new BackupError("The backup is the database itself: nothing to restore.");
  refuseWhileServed(file);

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const incoming = `${file}.restoring`;
  for (const suffix of ["", ...SIDECARS]) fs.rmSync(incoming + suffix, { force: true });
  fs.copyFileSync(source, incoming);
  // A backup copied together with its own -wal carries writes in that file.
  if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${incoming}-wal`);

  let migrated: string[] = [];
  try {
    const check = checkDatabaseFile(incoming);
    if (check.problems.length) throw new BackupError(`The backup failed its integrity check, so nothing was changed:\n${check.problems.join("\n")}`);
    const level = migrationLevel(check.migrations);
    if (level.kind === "not-a-practice-bank") throw new BackupError(`${source} is not a practice bank database (it records no migrations), so nothing was changed.`);
    if (level.kind === "newer") {
      throw new BackupError(
        `The backup was made by a newer version of the practice bank (it has migrations this version does not know: ${level.unknown.join(", ")}), so nothing was changed. Restore it with that version.`,
      );
    }
    if (level.kind === "older") {
      const db = openDatabase(incoming);
      try {
        migrated = await migrateToLatest(db);
      } finally {
        await db.destroy();
      }
    }
  } catch (e) {
    for (const suffix of ["", ...SIDECARS]) fs.rmSync(incoming + suffix, { force: true });
    throw e;
  }
  // Closing the last connection folded the copy's log into it; nothing beside it may remain.
  for (const suffix of SIDECARS) fs.rmSync(incoming + suffix, { force: true });

  // Checked again just before the swap: a server may have started meanwhile.
  refuseWhileServed(file, () => fs.rmSync(incoming, { force: true }));
  const setAside = setAsideDatabase(file);
  fs.renameSync(incoming, file);
  const after = checkDatabaseFile(file);
  for (const suffix of SIDECARS) fs.rmSync(file + suffix, { force: true });
  return { file, bytes: fs.statSync(file).size, ...after, setAside, migrated };
}

function refuseWhileServed(file: string, cleanUp?: () => void) {
  const servers = serversUsing(file);
  if (!servers.length) return;
  cleanUp?.();
  throw new BackupError(
    [
      `A server is using ${file} (process ${servers.map((s) => s.pid).join(", ")}), so nothing was changed.`,
      "Stop the server first, then run the restore again.",
      `(If no server is running, a process with that number is something else: delete ${servers.map((s) => s.pidFile).join(" and ")} and try again.)`,
    ].join("\n"),
  );
}

/** Renames the database and its -wal, -shm and -journal to `<file>.before-restore-<time>`, keeping them together. */
function setAsideDatabase(file: string): string | null {
  const present = ["", ...SIDECARS].filter((suffix) => fs.existsSync(file + suffix));
  if (!present.length) return null;
  const aside = `${file}.before-restore-${fileStamp()}`;
  // The -wal and -shm keep their suffixes, so the set-aside copy opens with the writes its log holds.
  for (const suffix of present) fs.renameSync(file + suffix, aside + suffix);
  return aside;
}
