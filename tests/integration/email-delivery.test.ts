import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/connection";
import { enqueueEmail, getEmail } from "../../app/models/email-outbox.server";
import { startServer, type RunningServer } from "../support/server";

const running: RunningServer[] = [];
const open: DB[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.destroy();
  while (running.length) await running.pop()!.stop();
});

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-mail-"));
}

/** Polls until `check` returns a value, for at most `ms`. */
async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, ms = 15_000): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined || Date.now() > deadline) return value;
    await sleep(100);
  }
}

const emlFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")) : []);

describe("the running server's mail worker", () => {
  it("without SMTP_URL writes a queued email to MAIL_DIR as an .eml file and marks it sent", async () => {
    const mailDir = path.join(tempDir(), "outbox-mail");
    const server = await startServer({ env: { MAIL_DIR: mailDir, MAIL_WORKER_INTERVAL_MS: "100" } });
    running.push(server);
    expect(server.output()).toContain(`Mail worker: delivering to files in ${mailDir}`);

    const db = openDatabase(server.databasePath);
    open.push(db);
    const id = await enqueueEmail(db, { to: "reviewer@example.org", subject: "A new entry is waiting for review", text: "Hello,\n\nOperation Quiet Streets is waiting.\n" });

    const file = await waitFor(() => emlFiles(mailDir).find((f) => f.endsWith(`-${id}.eml`)));
    expect(file, `no .eml file for outbox row ${id} in ${mailDir}; server output:\n${server.output()}`).toBeDefined();
    const raw = fs.readFileSync(path.join(mailDir, file!), "utf8");
    expect(raw).toMatch(/^To: reviewer@example\.org\r$/m);
    expect(raw).toMatch(/^Subject: A new entry is waiting for review\r$/m);
    expect(raw).toMatch(/^From: Practice bank <no-reply@practice-bank\.invalid>\r$/m);
    expect(raw).toContain("Operation Quiet Streets is waiting.");

    const row = await waitFor(async () => {
      const r = await getEmail(db, id);
      return r?.status === "sent" ? r : undefined;
    }, 5000);
    expect(row).toMatchObject({ status: "sent", attempts: 1, last_error: null });
    expect(emlFiles(mailDir)).toHaveLength(1);
  });

  it("with MAIL_WORKER=off leaves the outbox alone", async () => {
    const mailDir = path.join(tempDir(), "outbox-mail");
    const server = await startServer({ env: { MAIL_DIR: mailDir, MAIL_WORKER: "off", MAIL_WORKER_INTERVAL_MS: "50" } });
    running.push(server);
    const db = openDatabase(server.databasePath);
    open.push(db);
    const id = await enqueueEmail(db, { to: "a@example.org", subject: "Stays queued", text: "Stays queued" });
    await sleep(1000);
    expect(emlFiles(mailDir)).toEqual([]);
    expect(await getEmail(db, id)).toMatchObject({ status: "pending", attempts: 0 });
    expect(server.output()).not.toContain("Mail worker");
  });

  it("refuses to start with an SMTP_URL that is not an smtp:// or smtps:// address", async () => {
    await expect(startServer({ env: { SMTP_URL: "https://mail.example.org" } })).rejects.toThrow(/SMTP_URL: must be a URL like smtp:/);
  });
});
