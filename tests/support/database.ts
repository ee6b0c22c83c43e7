import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type DB } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { seedDemoData, seedReferenceData } from "../../db/seed";

/** A fresh database file in its own temporary folder, through the real migrations. */
export async function freshDatabase({ seed = true, demo = false } = {}): Promise<{ db: DB; file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = openDatabase(file);
  await migrateToLatest(db);
  if (seed) await seedReferenceData(db);
  if (demo) await seedDemoData(db);
  return { db, file, dir };
}

/** An in-memory database through the real migrations and reference seed. */
export async function memoryDatabase({ seed = true } = {}): Promise<DB> {
  const db = openDatabase(":memory:");
  await migrateToLatest(db);
  if (seed) await seedReferenceData(db);
  return db;
}

export { withDatabase } from "./open-database";
