import { openDatabase, type DB } from "../../db/connection";

// Apart from database.ts, which seeds (and so imports JSON data files), so that
// the browser tests' runner can load the server helper too.

/** Opens a database file (e.g. a running test server's), runs `fn`, and closes it again. */
export async function withDatabase<T>(file: string, fn: (db: DB) => Promise<T>): Promise<T> {
  const db = openDatabase(file);
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}
