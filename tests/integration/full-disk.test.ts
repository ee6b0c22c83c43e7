import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { checkDatabaseFile } from "../../db/backup";
import { newDraft } from "../support/autosave-loop";
import { pageText } from "../support/client";
import { freshDatabase } from "../support/database";
import { leadAndReviewer, publishedEntry, tagIdOf } from "./lead-fixtures";
import { startServer, type RunningServer } from "../support/server";

// The database on a small file system of its own (tmpfs, so the test needs
// to be able to mount: CI runs as root), filled up while the server runs.

let server: RunningServer | undefined;
let mounted: string | undefined;
afterAll(async () => {
  await server?.stop();
  if (mounted) execFileSync("umount", [mounted]);
});

/** Fills the file system holding `dir` to the last byte; returns the filler file to delete. */
function fillUp(dir: string) {
  const filler = path.join(dir, "filler");
  const fd = fs.openSync(filler, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = chunk.length; size >= 512; ) {
      try {
        fs.writeSync(fd, chunk, 0, size);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
        size /= 2;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

/** Folds the write-ahead log into the database and empties it, so the next write needs new space. */
function emptyTheLog(file: string) {
  const sqlite = new SQLite(file, { timeout: 5000 });
  try {
    for (let i = 0; i < 100; i++) {
      const [result] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
      if (result.busy === 0) return;
    }
    throw new Error("the log could not be emptied");
  } finally {
    sqlite.close();
  }
}

describe("a database whose disk is full", () => {
  it("answers writes with 503 (JSON for the autosave), still serves public pages, half-writes nothing, and writes again once space returns", async () => {
    const { db, file } = await freshDatabase();
    const { lead, reviewer } = await leadAndReviewer(db);
    const { slug } = await publishedEntry(db, lead, reviewer, await tagIdOf(db, "youth"), { title: "Park patrols that worked" });
    await db.destroy();

    mounted = fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-small-disk-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", mounted]);
    const databasePath = path.join(mounted, "practice-bank.sqlite");
    fs.copyFileSync(file, databasePath);
    server = await startServer({ databasePath, env: { MAIL_WORKER: "off", MAIL_DIR: path.join(path.dirname(file), "mail") } });
    const client = await server.signedIn("lead@sussex.test");
    const draftId = await newDraft(client);
    expect((await client.post(`/submissions/${draftId}/autosave`, { version: "1", title: "Before the disk filled" })).status).toBe(200);

    emptyTheLog(databasePath);
    const filler = fillUp(mounted);

    const autosave = await client.post(`/submissions/${draftId}/autosave`, { version: "2", title: "Typed while the disk was full" });
    expect(autosave.status, server.output()).toBe(503);
    expect(autosave.headers.get("retry-after")).toBe("60");
    expect(await autosave.json()).toEqual({ status: "error", message: "the practice bank cannot save changes at the moment. Your text is still here" });

    const started = await client.post("/submissions/new", {});
    expect(started.status).toBe(503);
    const page = await pageText(started);
    expect(page).toContain('class="govuk-heading-l">Sorry, there is a problem with the service</h1>');
    expect(page).toContain("The practice bank cannot save changes at the moment, so nothing was changed.");
    expect(page).not.toMatch(/SQLITE|at \w+ \(/);

    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ database: "reachable", writable: "no" });
    expect(server.output()).toContain("Database cannot be written (SQLITE_FULL)");

    // Reading goes on.
    for (const p of ["/", `/practice/${slug}`, "/search?q=park+patrols", "/api/search?q=park", "/week-of-action"]) {
      expect((await fetch(`${server.url}${p}`)).status, p).toBe(200);
    }
    expect(await pageText(await fetch(`${server.url}/practice/${slug}`))).toContain("Park patrols that worked");
    expect(await pageText(await client.get(`/submissions/${draftId}/edit`))).toContain('value="Before the disk filled"');

    // Nothing half-written: the file is sound and holds only what was acknowledged.
    const check = checkDatabaseFile(databasePath);
    expect(check.problems).toEqual([]);
    expect(check.counts.practice_entries).toBe(2);

    fs.rmSync(filler);
    const again = await client.post(`/submissions/${draftId}/autosave`, { version: "2", title: "Typed while the disk was full" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: "saved", version: 3 });
    expect((await client.post("/submissions/new", {})).status).toBe(302);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
