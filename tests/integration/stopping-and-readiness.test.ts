import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { newDraft } from "../support/autosave-loop";
import { freshDatabase } from "../support/database";
import { doc } from "../support/entries";
import { startServer, type RunningServer } from "../support/server";
import { addUser } from "../support/users";

const running: RunningServer[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

async function serverWithLead(env: Record<string, string> = {}) {
  const { db, file } = await freshDatabase();
  await addUser(db, "lead@sussex.test", "force_lead", "sussex-police");
  await db.destroy();
  const server = await startServer({ databasePath: file, env });
  running.push(server);
  return { server, lead: await server.signedIn("lead@sussex.test") };
}

/**
 * Starts a POST whose body arrives in two parts, and returns a function that
 * sends the rest: a request the server has begun but cannot finish yet.
 */
function slowPost(url: string, cookie: string, body: string) {
  const target = new URL(url);
  const half = Math.floor(body.length / 2);
  let answer!: Promise<{ status: number; body: string }>;
  const req = http.request({
    host: target.hostname,
    port: target.port,
    path: target.pathname,
    method: "POST",
    headers: {
      Cookie: cookie,
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": Buffer.byteLength(body),
      "Sec-Fetch-Site": "same-origin",
      Origin: target.origin,
    },
  });
  answer = new Promise((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
  });
  const connected = new Promise<void>((resolve) => req.on("socket", (socket) => socket.on("connect", () => resolve())));
  req.write(body.slice(0, half));
  return {
    connected,
    finish: () => {
      req.end(body.slice(half));
      return answer;
    },
  };
}

describe("SIGTERM", () => {
  it("lets a request in flight finish, stops the mail worker, checkpoints and closes the database, and exits 0 within 10 s", async () => {
    const { server, lead } = await serverWithLead({ MAIL_WORKER_INTERVAL_MS: "100" });
    const id = await newDraft(lead);
    for (let v = 1; v <= 5; v++) {
      expect((await lead.post(`/submissions/${id}/autosave`, { version: String(v), title: `Draft ${v}` })).status).toBe(200);
    }
    expect(fs.statSync(`${server.databasePath}-wal`).size).toBeGreaterThan(0);
    const pidFiles = () => fs.readdirSync(path.dirname(server.databasePath)).filter((f) => f.endsWith(".pid"));
    expect(pidFiles()).toHaveLength(1);

    const body = new URLSearchParams({ version: "6", richTextFormat: "json", title: "Saved while stopping", problem: JSON.stringify(doc("Teenagers gathered every night. ".repeat(600))) }).toString();
    const slow = slowPost(`${server.url}/submissions/${id}/autosave`, lead.cookieHeader(), body);
    await slow.connected;
    await sleep(300); // let the server read the request's head before it is told to stop
    const exited = server.kill("SIGTERM");
    // Stopping: a new connection is refused while the old request waits for its body.
    for (let i = 0; i < 50 && !server.output().includes("SIGTERM: stopping"); i++) await sleep(20);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    const answer = await slow.finish();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ status: "saved", version: 7 });

    const { code, signal, ms } = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(ms).toBeLessThan(10_000);
    expect(server.output()).toContain("Mail worker stopped");
    expect(server.output()).toContain("Database checkpointed and closed; stopped");
    // Checkpointed and closed: the log is folded into the file and gone; so is the pid file.
    expect(fs.existsSync(`${server.databasePath}-wal`) ? fs.statSync(`${server.databasePath}-wal`).size : 0).toBe(0);
    expect(pidFiles()).toEqual([]);
    const title = await server.withDb(async (db) =>
      (await db.selectFrom("practice_entries").innerJoin("practice_revisions", "practice_revisions.id", "practice_entries.working_revision_id")
        .select("practice_revisions.title").where("practice_entries.id", "=", id).executeTakeFirstOrThrow()).title);
    expect(title).toBe("Saved while stopping");
  });
});

describe("/readyz", () => {
  it("is ready when the database is reachable, migrated to this version and writable, and says which check failed when not", async () => {
    const { server } = await serverWithLead();
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toEqual({ status: "ok", database: "reachable", migrations: "current", writable: "yes" });
    // The readiness write is one row, overwritten by each check.
    await fetch(`${server.url}/readyz`);
    expect(await server.withDb((db) => db.selectFrom("app_settings").select("key").where("key", "like", "readyz%").execute())).toEqual([{ key: "readyz_checked_at" }]);

    // A newer version migrated this database under the running one.
    await server.withDb((db) => db.insertInto("kysely_migration" as never).values({ name: "2099-01-01-001-future", timestamp: new Date().toISOString() } as never).execute());
    const ahead = await fetch(`${server.url}/readyz`);
    expect(ahead.status).toBe(503);
    expect(await ahead.json()).toEqual({ status: "error", database: "reachable", migrations: "ahead", writable: "yes" });
    // Liveness is a different question: the process still answers.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
