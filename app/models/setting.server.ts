import type { DB } from "~/db.server";

export async function getSetting(db: DB, key: string) {
  return (await db.selectFrom("app_settings").select("value").where("key", "=", key).executeTakeFirst())?.value;
}

/** Stores `value` unless the key already has one; returns the value in force. */
export async function getOrCreateSetting(db: DB, key: string, value: () => string) {
  await db.insertInto("app_settings").values({ key, value: value() }).onConflict((oc) => oc.column("key").doNothing()).execute();
  return (await getSetting(db, key))!;
}
