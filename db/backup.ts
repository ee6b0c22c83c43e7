import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { migrations } from "./migrations/index";

// Online backup of the SQLite database (README, "Back up and restore";
// docs/decisions/0020-backup-with-vacuum-into.md). VACUUM INTO copies one read
// transaction's snapshot, so the server keeps writing meanwhile and the copy
// never restarts however busy it is; the copy is checked before it counts.

/** The tables a person checks a backup by, in the order they are printed. */
export const MAIN_TABLES = [
  "organisations",
  "users",
  "practice_entries",
  "practice_revisions",
  "review_comments",
  "workflow_events",
  "notifications",
  "email_outbox",
  "event_sessions",
  "tags",
  "search_documents",
] as const;

export interface DatabaseCheck {
  /** Empty when SQLite's integrity_check and the search index's own check both pass. */
  problems: string[];
  /** Migrations recorded in the file, oldest first. */
  migrations: string[];
  /** Rows in each of MAIN_TABLES (tables missing from an old file are left out). */
  counts: Record<string, number>;
}

export interface BackupResult extends DatabaseCheck {
  file: string;
  bytes: number;
}

/** SQLite's and FTS5's integrity checks, the migration level and row counts of an open database. */
export function checkOpenDatabase(sqlite: SQLite.Database): DatabaseCheck {
  const problems: string[] = [];
  const integrity = sqlite.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
  const messages = integrity.map((r) => r.integrity_check).filter((m) => m !== "ok");
  problems.push(...messages);
  const tables = new Set((sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
  if (tables.has("search_fts")) {
    try {
      // FTS5's own check: the index agrees with itself and with search_documents.
      sqlite.prepare("insert into search_fts (search_fts, rank) values ('integrity-check', 1)").run();
    } catch (e) {
      problems.push(`search index: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const applied = tables.has("kysely_migration")
    ? (sqlite.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map((r) => r.name)
    : [];
  const counts: Record<string, number> = {};
  for (const table of MAIN_TABLES) {
    if (tables.has(table)) counts[table] = (sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
  }
  return { problems, migrations: applied, counts };
}

/** Checks a database file, opening it read-write only for the moment of the check (FTS5's check is an INSERT). */
export function checkDatabaseFile(file: string): DatabaseCheck {
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file, { fileMustExist: true, timeout: 5000 });
    return checkOpenDatabase(sqlite);
  } catch (e) {
    // A file too damaged to read through ("file is not a database", "malformed") fails the check.
    return { problems: [`SQLite: ${e instanceof Error ? e.message : String(e)}`], migrations: [], counts: {} };
  } finally {
    sqlite?.close();
  }
}

export type MigrationLevel =
  | { kind: "current" }
  | { kind: "older"; missing: string[] }
  | { kind: "newer"; unknown: string[] }
  | { kind: "not-a-practice-bank" };

/** How a file's migrations compare with the ones this version of the app ships. */
export function migrationLevel(applied: string[]): MigrationLevel {
  const known = Object.keys(migrations);
  if (applied.length === 0) return { kind: "not-a-practice-bank" };
  const unknown = applied.filter((m) => !known.includes(m));
  if (unknown.length) return { kind: "newer", unknown };
  const missing = known.filter((m) => !applied.includes(m));
  return missing.length ? { kind: "older", missing } : { kind: "current" };
}

export class BackupError extends Error {}

/**
 * Writes a consistent copy of `source` to `destination` and checks it. The
 * copy is made under a temporary name beside the destination and renamed into
 * place only once it passes, so a file with the destination's name is always
 * a good backup. Refuses to overwrite an existing file.
 */
export function backupDatabase(source: string, destination: string): BackupResult {
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  const file = path.resolve(destination);
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists. Choose a new file name: a backup never overwrites a file.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const sqlite = new SQLite(source, { fileMustExist: true, readonly: true, timeout: 5000 });
  try {
    sqlite.prepare("vacuum into ?").run(partial);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`The copy could not be written: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    sqlite.close();
  }
  const check = checkDatabaseFile(partial);
  removeSidecars(partial);
  if (check.problems.length) {
    removeDatabaseFiles(partial);
    throw new BackupError(`The copy failed its integrity check, so no backup was kept:\n${check.problems.join("\n")}`);
  }
  fs.renameSync(partial, file);
  return { file, bytes: fs.statSync(file).size, ...check };
}

/** The -wal and -shm files SQLite keeps beside a database in WAL mode. */
export const SIDECARS = ["-wal", "-shm", "-journal"] as const;

function removeSidecars(file: string) {
  for (const suffix of SIDECARS) fs.rmSync(file + suffix, { force: true });
}

function removeDatabaseFiles(file: string) {
  fs.rmSync(file, { force: true });
  removeSidecars(file);
}

/** What a backup or restore prints: the file, its size and the row counts. */
export function describeBackup({ file, bytes, counts, migrations: applied }: BackupResult): string {
  const width = Math.max(...Object.keys(counts).map((t) => t.length));
  return [
    `File: ${file}`,
    `Size: ${formatBytes(bytes)} (${bytes.toLocaleString("en-GB")} bytes)`,
    `Migrations: ${applied.length} (latest ${applied.at(-1) ?? "none"})`,
    "Integrity check: ok (SQLite integrity_check and the search index's integrity-check)",
    "Rows:",
    ...Object.entries(counts).map(([table, n]) => `  ${table.padEnd(width)}  ${n.toLocaleString("en-GB")}`),
  ].join("\n");
}

function formatBytes(bytes: number) {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
