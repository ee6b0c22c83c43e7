import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema";

// The one way the app writes (docs/decisions/0003-one-way-to-write.md).
// On SQLite every write transaction begins IMMEDIATE (db/connection.ts): it
// holds the write lock from its first statement, so what it reads cannot be
// changed by another process before it writes. Nothing but database work may
// be awaited inside: the lock is held until it ends.

type Executor = Kysely<Database> | Transaction<Database>;

/** Runs `work` in a write transaction, or inside the caller's when it already is one. */
export function writeTransaction<T>(db: Executor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}

/** Several reads that must see one state of the database, without taking the write lock. */
export function readTransaction<T>(db: Executor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().setAccessMode("read only").execute(work);
}
