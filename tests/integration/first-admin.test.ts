import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, pageText } from "../support/client";
import { runCreateAdmin } from "../support/create-admin";
import { startServer, type RunningServer } from "../support/server";

// The first administrator of a real deployment: `npm run create-admin` on a
// database that does not exist yet, then the printed link in a browser.

let server: RunningServer;
let databasePath: string;

beforeAll(async () => {
  databasePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-admin-")), "new.sqlite");
  server = await startServer({ databasePath });
});
afterAll(async () => {
  await server?.stop();
});

const pathOf = (link: string) => new URL(link).pathname;
const STRONG = "lantern orchard cobalt 42";

describe("npm run create-admin", () => {
  it("on a brand-new database migrates it, creates the administrator and prints a one-time link under APP_URL", async () => {
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-admin-")), "never-started.sqlite");
    const run = runCreateAdmin(["--email", "First.Admin@Example.org", "--name", "Fola Admin"], { databasePath: fresh, appUrl: "https://bank.example.org" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.link).toMatch(/^https:\/\/bank\.example\.org\/set-password\/[A-Za-z0-9_-]{43}$/);
    expect(run.stdout).toContain("Created administrator first.admin@example.org");
    expect(run.stdout).not.toMatch(/password:/i);
  });

  it("refuses a password on the command line, and a missing email or name", () => {
    const withPassword = runCreateAdmin(["--email", "a@example.org", "--name", "A", "--password", "hunter2hunter2"], { databasePath, appUrl: server.url });
    expect(withPassword.status).toBe(2);
    expect(withPassword.stderr).toContain("a password is never given on the command line");
    const noEmail = runCreateAdmin(["--name", "A"], { databasePath, appUrl: server.url });
    expect(noEmail.status).toBe(2);
    expect(noEmail.stderr).toContain("--email: Enter an email address");
  });

  it("the link lets the person choose a password and signs them in; the link then no longer works", async () => {
    const run = runCreateAdmin(["--email", "boss@example.org", "--name", "Bo Boss"], { databasePath, appUrl: server.url });
    expect(run.status, run.stderr).toBe(0);
    const linkPath = pathOf(run.link!);

    const browser = new Client(server.url);
    // Opening the link (as a mail scanner would) does not use it.
    for (let i = 0; i < 2; i++) {
      const page = await browser.get(linkPath);
      expect(page.status).toBe(200);
      // Browsers follow the last policy in the list.
      expect(page.headers.get("referrer-policy")).toMatch(/(^|, )no-referrer$/);
      expect(await pageText(page)).toContain("Create your password");
    }

    const tooShort = await browser.post(linkPath, { password: "short", confirmPassword: "short" });
    expect(tooShort.status).toBe(400);
    expect(await pageText(tooShort)).toContain("Your password must be at least 12 characters");

    const common = await browser.post(linkPath, { password: "qwerty123456", confirmPassword: "qwerty123456" });
    expect(common.status).toBe(400);
    const commonHtml = await pageText(common);
    expect(commonHtml).toContain("There is a problem");
    expect(commonHtml).toContain("This password is on a list of passwords that are used often or have been leaked");
    expect(commonHtml).not.toContain('value="qwerty123456"');

    const mismatch = await browser.post(linkPath, { password: STRONG, confirmPassword: `${STRONG}!` });
    expect(mismatch.status).toBe(400);
    expect(await pageText(mismatch)).toContain("The passwords do not match");

    const set = await browser.post(linkPath, { password: STRONG, confirmPassword: STRONG });
    expect(set.status).toBe(302);
    expect(set.headers.get("location")).toBe("/admin");
    expect((await browser.get("/admin")).status).toBe(200);

    const again = await new Client(server.url).get(linkPath);
    expect(again.status).toBe(410);
    const againHtml = await pageText(again);
    expect(againHtml).toContain("This link has already been used");
    expect(againHtml).toContain('href="/forgot-password"');

    const reuse = await new Client(server.url).post(linkPath, { password: "another long password", confirmPassword: "another long password" });
    expect(reuse.status).toBe(410);

    const signIn = await new Client(server.url).post("/login", { email: "boss@example.org", password: STRONG });
    expect(signIn.status).toBe(302);
  });

  it("accepts any characters, spaces and emoji included, up to 128, and refuses 129", async () => {
    const run = runCreateAdmin(["--email", "emoji@example.org", "--name", "Em Oji"], { databasePath, appUrl: server.url });
    const linkPath = pathOf(run.link!);
    const tooLong = "x".repeat(129);
    const refused = await new Client(server.url).post(linkPath, { password: tooLong, confirmPassword: tooLong });
    expect(refused.status).toBe(400);
    expect(await pageText(refused)).toContain("Your password must be 128 characters or fewer");
    // 12 characters counted as people see them: each emoji is one.
    const emoji = "🦊🦊 Füchse été";
    const browser = new Client(server.url);
    expect((await browser.post(linkPath, { password: emoji, confirmPassword: emoji })).status).toBe(302);
    expect((await new Client(server.url).post("/login", { email: "emoji@example.org", password: emoji })).status).toBe(302);
  });

  it("makes an existing account an enabled administrator; its older link stops working", async () => {
    const first = runCreateAdmin(["--email", "later@example.org", "--name", "La Ter"], { databasePath, appUrl: server.url });
    await server.withDb((db) => db.updateTable("users").set({ disabled_at: new Date().toISOString() }).where("email", "=", "later@example.org").execute());
    const second = runCreateAdmin(["--email", "later@example.org", "--name", "La Ter"], { databasePath, appUrl: server.url });
    expect(second.stdout).toContain("Updated administrator later@example.org");
    const user = await server.withDb((db) => db.selectFrom("users").selectAll().where("email", "=", "later@example.org").executeTakeFirstOrThrow());
    expect(user).toMatchObject({ role: "admin", disabled_at: null });
    expect((await new Client(server.url).get(pathOf(first.link!))).status).toBe(404);
    expect((await new Client(server.url).get(pathOf(second.link!))).status).toBe(200);
  });

  it("an expired link or a made-up one gives a page that says what happened and how to get a new link", async () => {
    const run = runCreateAdmin(["--email", "slow@example.org", "--name", "Slo W"], { databasePath, appUrl: server.url });
    await server.withDb((db) => db.updateTable("account_tokens").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("used_at", "is", null).execute());
    const expired = await new Client(server.url).get(pathOf(run.link!));
    expect(expired.status).toBe(410);
    expect(await pageText(expired)).toContain("This link has expired");

    for (const forged of ["/set-password/not-a-real-token-at-all-0000000000", "/set-password/%3Cscript%3E", `/set-password/${"a".repeat(500)}`]) {
      const res = await new Client(server.url).get(forged);
      expect(res.status, forged).toBe(404);
      const html = await pageText(res);
      expect(html).toContain("This link does not work");
      expect(html).toContain("reset your password");
    }
    // Only hashes are stored.
    const token = pathOf(run.link!).split("/").pop()!;
    const stored = await server.withDb((db) => db.selectFrom("account_tokens").select("token_hash").execute());
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});
