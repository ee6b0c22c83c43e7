import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { checkDatabaseFile } from "../../db/backup";
import { AutosaveLoop, newDraft } from "../support/autosave-loop";
import { freshDatabase } from "../support/database";
import { runNpmScript } from "../support/npm-script";
import { startServer, type RunningServer } from "../support/server";
import { addUser } from "../support/users";

// npm run db:backup and db:restore against a real server process that keeps
// writing, as README's "Back up and restore" describes.

const running: RunningServer[] = [];
afterAll(async () => {
  for (const server of running) await server.stop();
});

function titleOf(file: string, entryId: number) {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    return sqlite
      .prepare("select r.title, r.version from practice_entries e join practice_revisions r on r.id = e.working_revision_id where e.id = ?")
      .get(entryId) as { title: string; version: number };
  } finally {
    sqlite.close();
  }
}

describe("backup and restore of a database a server is writing to", () => {
  it("backs up while autosaves run, refuses to restore under the server, and restores after it stops", async () => {
    const { db, file: databasePath, dir } = await freshDatabase();
    await addUser(db, "lead@sussex.test", "force_lead", "sussex-police");
    await db.destroy();
    const server = await startServer({ databasePath });
    running.push(server);
    const env = { DATABASE_PATH: databasePath };
    const lead = await server.signedIn("lead@sussex.test");
    const entryId = await newDraft(lead);

    // Two editors saving all the time while the backups are made.
    const loops = [new AutosaveLoop(lead, entryId, "Park patrols"), new AutosaveLoop(lead, await newDraft(lead), "Second entry")];
    while (loops[0].acknowledged.length < 5) await new Promise((r) => setTimeout(r, 20));
    const savedBefore = loops[0].lastVersion;
    const backupFile = path.join(dir, "backups", "first.sqlite");
    const backup = await runNpmScript("db:backup", [backupFile], env);
    const savesDuring = loops[0].acknowledged.length;
    while (loops[0].acknowledged.length < savesDuring + 5) await new Promise((r) => setTimeout(r, 20));
    for (const loop of loops) await loop.stop();

    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`File: ${backupFile}`);
    expect(backup.stdout).toMatch(/Size: [\d.]+ KiB \([\d,]+ bytes\)/);
    expect(backup.stdout).toContain("Integrity check: ok");
    expect(backup.stdout).toMatch(/practice_entries +2\n/);
    expect(backup.stdout).toMatch(/users +1\n/);
    expect(checkDatabaseFile(backupFile).problems).toEqual([]);
    const inBackup = titleOf(backupFile, entryId);
    // Everything acknowledged before the backup started is in it.
    expect(inBackup.version).toBeGreaterThanOrEqual(savedBefore);
    expect(loops[0].acknowledged).toContainEqual({ version: inBackup.version, title: inBackup.title });
    expect(inBackup.version).toBeLessThan(loops[0].lastVersion);

    // A backup never overwrites a file.
    const again = await runNpmScript("db:backup", [backupFile], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");

    const sizeBefore = fs.statSync(databasePath).size;
    const refused = await runNpmScript("db:restore", [backupFile], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`A server is using ${databasePath}`);
    expect(refused.stderr).toContain("Stop the server first");
    expect(fs.statSync(databasePath).size).toBe(sizeBefore);
    expect((await lead.get(`/submissions/${entryId}/edit`)).status).toBe(200);

    // A crash leaves the write-ahead log and its index beside the database:
    // a restore that left them there would have them replayed into the backup.
    const latest = loops[0].acknowledged.at(-1)!;
    expect((await server.kill("SIGKILL")).signal).toBe("SIGKILL");
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(true);
    expect(fs.existsSync(`${databasePath}-shm`)).toBe(true);

    const restored = await runNpmScript("db:restore", [backupFile], env);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const aside = /kept as (\S+) \(/.exec(restored.stdout)?.[1];
    expect(aside).toMatch(new RegExp(`^${databasePath.replace(/[.]/g, "\\.")}\\.before-restore-\\d{8}T\\d{6}Z$`));
    expect(fs.existsSync(aside!)).toBe(true);
    expect(fs.existsSync(`${aside}-wal`)).toBe(true);
    expect(fs.existsSync(`${aside}-shm`)).toBe(true);
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(false);
    expect(fs.existsSync(`${databasePath}-shm`)).toBe(false);
    // Nothing is lost: the set-aside database still holds the last save, with its log.
    expect(titleOf(aside!, entryId)).toEqual({ title: latest.title, version: latest.version });

    const after = await startServer({ databasePath });
    running.push(after);
    const page = await (await (await after.signedIn("lead@sussex.test")).get(`/submissions/${entryId}/edit`)).text();
    expect(page).toContain(`value="${inBackup.title}"`);
    expect(page).not.toContain(`value="${latest.title}"`);
    expect(checkDatabaseFile(backupFile).problems).toEqual([]);
  }, 90_000);

  it("says plainly that a PostgreSQL DATABASE_URL is not what these commands back up", async () => {
    const { db, file, dir } = await freshDatabase();
    await db.destroy();
    for (const command of ["db:backup", "db:restore"]) {
      const result = await runNpmScript(command, [path.join(dir, "x.sqlite")], { DATABASE_PATH: file, DATABASE_URL: "postgres://app:app@127.0.0.1:5432/app" });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("DATABASE_URL names a PostgreSQL database");
      expect(result.stderr).toContain("pg_dump");
    }
    expect(fs.existsSync(path.join(dir, "x.sqlite"))).toBe(false);
  });

  it("with BACKUP_DIR and BACKUP_INTERVAL_HOURS writes checked backups named by the time and keeps the newest BACKUP_KEEP", async () => {
    const { db, file: databasePath, dir } = await freshDatabase();
    await addUser(db, "lead@sussex.test", "force_lead", "sussex-police");
    await db.destroy();
    const backupDir = path.join(dir, "scheduled");
    fs.mkdirSync(backupDir);
    fs.writeFileSync(path.join(backupDir, "notes.txt"), "not a backup: left alone");
    // 0.0003 hours is about a second, so the test sees several rounds.
    const server = await startServer({ databasePath, env: { BACKUP_DIR: backupDir, BACKUP_INTERVAL_HOURS: "0.0003", BACKUP_KEEP: "2" } });
    running.push(server);
    expect(server.output()).toContain(`Backups: every 0.0003 h to ${backupDir}, keeping the newest 2`);
    const lead = await server.signedIn("lead@sussex.test");
    const loop = new AutosaveLoop(lead, await newDraft(lead), "Scheduled");
    const written = () => server.output().match(/^Backup written: .*$/gm) ?? [];
    while (written().length < 4) await new Promise((r) => setTimeout(r, 100));
    await loop.stop();
    await server.stop();

    expect(server.output()).not.toContain("Backup failed");
    const files = fs.readdirSync(backupDir).sort();
    const backups = files.filter((f) => f.endsWith(".sqlite"));
    expect(files).toEqual(["notes.txt", ...backups]);
    expect(backups.length).toBe(2);
    for (const name of backups) {
      expect(name).toMatch(/^practice-bank-\d{8}T\d{6}\.\d{3}Z\.sqlite$/);
      const check = checkDatabaseFile(path.join(backupDir, name));
      expect(check.problems).toEqual([]);
      expect(check.counts).toMatchObject({ users: 1, practice_entries: 1 });
    }
    // The two kept are the last two written.
    const lastTwo = written().slice(-2).map((line) => path.basename(/^Backup written: (\S+) /.exec(line)![1]));
    expect(backups).toEqual(lastTwo);
  });
});
