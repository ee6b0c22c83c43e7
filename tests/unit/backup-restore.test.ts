import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { backupDatabase, BackupError, checkDatabaseFile } from "../../db/backup";
import { openDatabase } from "../../db/connection";
import { migrations } from "../../db/migrations/index";
import { restoreDatabase } from "../../db/restore";
import { holdDatabase, serversUsing } from "../../db/server-pid";
import { ensureSearchIndex } from "../../app/models/search.server";
import { freshDatabase } from "../support/database";

// The checks db:backup and db:restore make before they change anything, on real files.

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-restore-"));
}

const filesIn = (dir: string) => fs.readdirSync(dir).sort();

describe("restoreDatabase", () => {
  it("migrates a backup made before the latest migration, and keeps the backup itself as it was", async () => {
    const dir = tempDir();
    const old = path.join(dir, "old.sqlite");
    const db = openDatabase(old);
    const first = Object.keys(migrations)[0];
    await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(first);
    await db.destroy();
    const bytes = fs.readFileSync(old);

    const result = await restoreDatabase(old, path.join(dir, "live.sqlite"));
    expect(result.migrated).toEqual(Object.keys(migrations).slice(1));
    expect(result.migrations).toEqual(Object.keys(migrations));
    expect(result.setAside).toBeNull();
    expect(checkDatabaseFile(path.join(dir, "live.sqlite")).problems).toEqual([]);
    expect(fs.readFileSync(old).equals(bytes)).toBe(true);
    expect(filesIn(dir)).toEqual(["live.sqlite", "old.sqlite"]);
  });

  it("refuses a damaged file, one from a newer version, and anything that is not a practice bank, changing nothing", async () => {
    const { db, file: live, dir } = await freshDatabase();
    await db.destroy();
    const liveBytes = fs.readFileSync(live);

    const garbage = path.join(dir, "garbage.sqlite");
    fs.writeFileSync(garbage, "not a database at all ".repeat(500));
    await expect(restoreDatabase(garbage, live)).rejects.toThrow(/not a database|integrity/i);

    const { db: newerDb, file: newer } = await freshDatabase();
    await newerDb.insertInto("kysely_migration" as never).values({ name: "2099-01-01-001-future", timestamp: new Date().toISOString() } as never).execute();
    await newerDb.destroy();
    await expect(restoreDatabase(newer, live)).rejects.toThrow(/newer version of the practice bank.*2099-01-01-001-future/);

    const empty = path.join(dir, "empty.sqlite");
    new SQLite(empty).exec("create table t (x)").close();
    await expect(restoreDatabase(empty, live)).rejects.toThrow(/not a practice bank database/);

    // A page of a table overwritten: SQLite's integrity check finds it.
    const { db: damagedDb, file: damaged } = await freshDatabase();
    await damagedDb.destroy();
    const raw = fs.readFileSync(damaged);
    raw.fill(0x41, 4096 * 3, 4096 * 3 + 2000);
    fs.writeFileSync(damaged, raw);
    await expect(restoreDatabase(damaged, live)).rejects.toThrow(BackupError);

    expect(fs.readFileSync(live).equals(liveBytes)).toBe(true);
    expect(filesIn(dir).filter((f) => f.includes("live") || f.includes("test"))).toEqual(["test.sqlite"]);
  });

  it("refuses while a process holds the database's pid file, and ignores a pid file left by a process that is gone", async () => {
    const { db, file: live, dir } = await freshDatabase();
    await db.destroy();
    const backup = backupDatabase(live, path.join(dir, "backup.sqlite")).file;

    const { spawn } = await import("node:child_process");
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    fs.writeFileSync(`${live}.server-${other.pid}.pid`, `${other.pid}\n`);
    try {
      expect(serversUsing(live).map((s) => s.pid)).toEqual([other.pid]);
      await expect(restoreDatabase(backup, live)).rejects.toThrow(`A server is using ${live} (process ${other.pid})`);
    } finally {
      other.kill("SIGKILL");
      await new Promise((r) => other.once("exit", r));
    }
    expect(serversUsing(live)).toEqual([]);
    const result = await restoreDatabase(backup, live);
    expect(result.setAside).toMatch(/\.before-restore-/);

    // The next server to start clears the stale file.
    const release = holdDatabase(live);
    expect(fs.existsSync(`${live}.server-${other.pid}.pid`)).toBe(false);
    expect(fs.existsSync(`${live}.server-${process.pid}.pid`)).toBe(true);
    release();
    expect(fs.existsSync(`${live}.server-${process.pid}.pid`)).toBe(false);
  });
});

describe("checkDatabaseFile", () => {
  it("finds a search index out of step with the documents it indexes", async () => {
    const { db, file } = await freshDatabase();
    await ensureSearchIndex(db);
    await db.destroy();
    expect(checkDatabaseFile(file).problems).toEqual([]);
    expect(checkDatabaseFile(file).counts.search_documents).toBeGreaterThan(0);
    const sqlite = new SQLite(file);
    // A document changed behind the index's back (its trigger dropped first).
    sqlite.exec("drop trigger search_documents_au");
    sqlite.prepare("update search_documents set title = 'changed behind the index' where id = (select min(id) from search_documents)").run();
    sqlite.close();
    expect(checkDatabaseFile(file).problems.join("\n")).toMatch(/search index|fts5|malformed/i);
  });
});
