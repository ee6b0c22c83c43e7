import { openDatabase, type DB } from "../../db/connection";

// Apart from ./database.ts (which seeds, importing JSON data files), so that
// browser specs, whose loader cannot import JSON, can use it too.

/** Opens a database file (e.g. a running test server's), runs `fn`, and closes it again. */
export async function withDatabase<T>(file: string, fn: (db: DB) => Promise<T>): Promise<T> {
  const db = openDatabase(file);
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}
