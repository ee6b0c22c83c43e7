import { openDatabase, type DB } from "../db/connection";
import { getConfig } from "~/lib/config.server";

export type { DB } from "../db/connection";

// One connection per process. Kept on globalThis so that a module evaluated
// twice (e.g. by a watcher rebuild) still shares it.
const KEY = Symbol.for("practice-bank.db");
type Holder = { [KEY]?: DB };

export function getDb(): DB {
  const holder = globalThis as Holder;
  if (!holder[KEY]) holder[KEY] = openDatabase(getConfig().DATABASE_PATH);
  return holder[KEY]!;
}

export async function closeDb(): Promise<void> {
  const holder = globalThis as Holder;
  const db = holder[KEY];
  holder[KEY] = undefined;
  await db?.destroy();
}
