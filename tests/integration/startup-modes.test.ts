import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { loadDemoPractice } from "../../db/demo-practice";
import { Client } from "../support/client";
import { startServer, type RunningServer } from "../support/server";

const running: RunningServer[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

function tempDb() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-mode-")), "db.sqlite");
}

async function count(file: string, table: "users" | "event_sessions" | "organisations" | "practice_entries" | "notifications" | "email_outbox") {
  const db = openDatabase(file);
  const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  await db.destroy();
  return Number(n);
}

describe("starting the server", () => {
  it("in demo mode creates, migrates and seeds the database with demo accounts and case studies, and leaves it alone on restart", async () => {
    const file = tempDb();
    const first = await startServer({ databasePath: file, env: { DEMO: "on", SESSION_SECRET: "" } });
    running.push(first);
    const client = new Client(first.url);
    await client.signIn("sussex.lead@demo.test", "practice-bank-demo");
    expect(await (await client.get("/submissions")).text()).toContain("Sussex Police");
    await first.stop();
    running.pop();
    const users = await count(file, "users");
    const sessions = await count(file, "event_sessions");
    expect(sessions).toBe(12);
    // The invented case studies are published, without telling or emailing anyone.
    const entries = await count(file, "practice_entries");
    expect(entries).toBe(loadDemoPractice().length);
    expect(await count(file, "notifications")).toBe(0);
    expect(await count(file, "email_outbox")).toBe(0);

    const second = await startServer({ databasePath: file, env: { DEMO: "on", SESSION_SECRET: "" } });
    running.push(second);
    expect(await count(file, "users")).toBe(users);
    expect(await count(file, "event_sessions")).toBe(12);
    expect(await count(file, "practice_entries")).toBe(entries);
    const found = await (await new Client(second.url).get("/search?q=shoplifting&type=practice")).text();
    expect(found).toContain("GPS tags for prolific shoplifters leaving custody in Walsall town centre");
    // The generated demo secret is kept, so a session survives the restart.
    const sameBrowser = new Client(second.url);
    sameBrowser.setCookieHeader(client.cookieHeader());
    const again = await sameBrowser.get("/submissions");
    expect(again.status).toBe(200);
  });

  it("with the demo off seeds reference data but never demo accounts or case studies", async () => {
    const file = tempDb();
    running.push(await startServer({ databasePath: file, env: { DEMO: "off" } }));
    expect(await count(file, "users")).toBe(0);
    expect(await count(file, "organisations")).toBeGreaterThanOrEqual(43);
    expect(await count(file, "event_sessions")).toBe(12);
    expect(await count(file, "practice_entries")).toBe(0);
    const res = await new Client(running[0].url).post("/login", { email: "admin@demo.test", password: "practice-bank-demo" });
    expect(res.status).toBe(401);
  });

  function startBare(env: Record<string, string>) {
    return spawnSync(process.execPath, ["build/index.js"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_PATH: tempDb(), PORT: "0", ...env },
      encoding: "utf8",
      timeout: 20_000,
    });
  }

  it("with the demo off refuses to start without SESSION_SECRET or APP_URL, and says which is missing", () => {
    const noSecret = startBare({ DEMO: "off", APP_URL: "https://practice-bank.example.org" });
    expect(noSecret.status).not.toBe(0);
    expect(noSecret.stderr).toContain("SESSION_SECRET must be set");
    expect(noSecret.stderr).not.toContain("APP_URL must be set");

    const noAddress = startBare({ DEMO: "off", SESSION_SECRET: "x".repeat(40) });
    expect(noAddress.status).not.toBe(0);
    expect(noAddress.stderr).toContain("APP_URL must be set");
    expect(noAddress.stderr).not.toContain("SESSION_SECRET must be set");
  });

  it("refuses to put the demo accounts on a public address unless asked to", () => {
    const refused = startBare({ DEMO: "on", APP_URL: "https://practice-bank.example.org" });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("set DEMO=off for a real service");
  });

  it("treats an empty NODE_ENV as unset", async () => {
    const server = await startServer({ env: { NODE_ENV: "" } });
    running.push(server);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("shows no stack trace or internals on an error page", async () => {
    const server = await startServer({ env: {} });
    running.push(server);
    const res = await fetch(`${server.url}/week-of-action/%E0%A4%A`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const html = await res.text();
    expect(html).not.toMatch(/at [\w.]+ \(.*:\d+:\d+\)/);
    expect(html).not.toContain("node_modules");
  });
});

describe("WEB_CONCURRENCY", () => {
  it("runs that many server processes on one port, sharing sign-ins, and stops them all", async () => {
    const server = await startServer({ env: { DEMO: "on", WEB_CONCURRENCY: "2", MAIL_WORKER: "off" } });
    running.push(server);

    // Signed in by whichever process answered; every later request, whichever
    // process takes it, knows who it is (sessions live in the database).
    const client = new Client(server.url);
    await client.signIn("reviewer@demo.test", "practice-bank-demo");
    for (let i = 0; i < 12; i++) {
      const res = await client.get("/review");
      expect(res.status).toBe(200);
    }
    await expect.poll(() => server.output().match(/Practice bank listening/g)?.length ?? 0).toBe(2);

    await server.stop();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});

describe("/healthz", () => {
  it("answers 503 when the database cannot be opened", async () => {
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-health-")), "file");
    fs.writeFileSync(blocker, "");
    process.env.DATABASE_PATH = path.join(blocker, "db.sqlite");
    const { loader } = await import("../../app/routes/healthz");
    const res = await loader();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", database: "unreachable" });
  });
});
