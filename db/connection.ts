import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type TransactionSettings } from "kysely";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

const BUSY_TIMEOUT_MS = 5000;

// Opens the database with the settings the app relies on, and checks that
// SQLite really applied them: a pragma that silently fails (e.g. WAL on a
// read-only or network filesystem) would otherwise show up later as data loss.
export function openDatabase(filename: string): DB {
  if (filename !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const sqlite = new SQLite(filename, { timeout: BUSY_TIMEOUT_MS });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  assertPragmas(sqlite, filename === ":memory:");
  return new Kysely<Database>({ dialect: new SqliteDialectKeepingErrors(sqlite) });
}

// Two changes to Kysely's SQLite driver:
// - A transaction takes the write lock when it begins (BEGIN IMMEDIATE),
//   waiting for it up to the busy timeout. Kysely's plain BEGIN is deferred:
//   a transaction that reads, then writes, fails with SQLITE_BUSY_SNAPSHOT
//   when another process wrote in between, and the busy timeout cannot help.
//   Transactions that only read (db/transaction.ts, readTransaction) stay
//   deferred, so readers never wait for writers (WAL).
// - SQLite rolls a transaction back by itself when a write fails for want of
//   space or on an I/O error (SQLITE_FULL, SQLITE_IOERR). Kysely then sends its
//   own ROLLBACK, which fails ("no transaction is active") and hides the real
//   error; callers need the real one to answer "cannot save" rather than a 500.
class SqliteDialectKeepingErrors extends SqliteDialect {
  constructor(private sqlite: SQLite.Database) {
    super({ database: sqlite });
  }
  override createDriver() {
    const sqlite = this.sqlite;
    return new (class extends SqliteDriver {
      override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings) {
        await connection.executeQuery(CompiledQuery.raw(settings?.accessMode === "read only" ? "begin deferred" : "begin immediate"));
      }
      override async rollbackTransaction(connection: DatabaseConnection) {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: sqlite });
  }
}

function assertPragmas(sqlite: SQLite.Database, inMemory: boolean) {
  const journal = sqlite.pragma("journal_mode", { simple: true });
  // An in-memory database has no write-ahead log; "memory" is what SQLite reports.
  const expectedJournal = inMemory ? "memory" : "wal";
  const actual = {
    journal_mode: journal,
    synchronous: sqlite.pragma("synchronous", { simple: true }),
    foreign_keys: sqlite.pragma("foreign_keys", { simple: true }),
    busy_timeout: sqlite.pragma("busy_timeout", { simple: true }),
  };
  const expected = { journal_mode: expectedJournal, synchronous: 1, foreign_keys: 1, busy_timeout: BUSY_TIMEOUT_MS };
  for (const [key, value] of Object.entries(expected)) {
    if ((actual as Record<string, unknown>)[key] !== value) {
      sqlite.close();
      throw new Error(`SQLite setting ${key} is ${String((actual as Record<string, unknown>)[key])}, expected ${value}`);
    }
  }
}
