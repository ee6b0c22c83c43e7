import path from "node:path";
import { openDatabase, type DB } from "../../../db/connection";

// Browser specs that need entries in a given state make them straight in the
// running server's database file, through the same model functions the pages
// use (tests/support/entry-fixtures.ts), rather than clicking through every form.

export { actingUserByEmail as actingUser, move, publishedEntry, submittedEntry, tagIdOf } from "../../support/entry-fixtures";

export const E2E_DATABASE_PATH = path.join(process.env.PRACTICE_BANK_E2E_DB_DIR!, "practice-bank.sqlite");

export async function withE2eDatabase<T>(work: (db: DB) => Promise<T>): Promise<T> {
  const db = openDatabase(E2E_DATABASE_PATH);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

export async function lastNotificationId(db: DB) {
  return Number((await db.selectFrom("notifications").select((eb) => eb.fn.max("id").as("max")).executeTakeFirst())?.max ?? 0);
}

/** Marks read the notifications made since `sinceId` for everyone but `keepFor`, so other specs see what they expect. */
export async function markOthersRead(db: DB, sinceId: number, keepFor: number) {
  await db.updateTable("notifications").set({ read_at: new Date().toISOString() }).where("id", ">", sinceId).where("user_id", "!=", keepFor).execute();
}
