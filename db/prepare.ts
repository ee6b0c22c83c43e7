import type { Kysely } from "kysely";
import type { Database } from "./schema";
import { migrateToLatest } from "./migrate";
import { seedDemoData, seedReferenceData } from "./seed";
import { ensureSearchIndex } from "../app/models/search.server";

/** Everything a fresh or existing database needs before the app serves it. */
export async function prepareDatabase(db: Kysely<Database>, { demo }: { demo: boolean }) {
  const applied = await migrateToLatest(db);
  await seedReferenceData(db);
  if (demo) await seedDemoData(db);
  await ensureSearchIndex(db);
  return { applied };
}
