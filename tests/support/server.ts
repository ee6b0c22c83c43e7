import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { DB } from "../../db/connection";
import { signedInClient, type Client } from "./client";
import { withDatabase } from "./open-database";
import { TEST_PASSWORD } from "./users";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUILD = path.join(ROOT, "build/index.js");

export interface RunningServer {
  url: string;
  /** The server's process id (with WEB_CONCURRENCY > 1, the first process, whose children serve). */
  pid: number;
  databasePath: string;
  stop(): Promise<void>;
  /** Sends `signal` (SIGKILL unless told) and resolves when the process has exited, with how and how fast. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  output(): string;
  /** Opens this server's database file for a moment, to arrange or check what the pages do not show. */
  withDb<T>(fn: (db: DB) => Promise<T>): Promise<T>;
  /** A client signed in as `email`, with the tests' shared password unless another is given. */
  signedIn(email: string, password?: string): Promise<Client>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * Starts the built server (npm test builds first) as its own process on a
 * free loopback port with its own database file, exactly as `npm start` runs it.
 */
export async function startServer({
  env = {},
  databasePath,
}: { env?: Record<string, string>; databasePath?: string } = {}): Promise<RunningServer> {
  if (!fs.existsSync(BUILD)) throw new Error("build/index.js is missing: run `npm run build` first (npm test does)");
  const port = await freePort();
  const dbPath = databasePath ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-server-")), "server.sqlite");
  let log = "";
  const child: ChildProcess = spawn(process.execPath, [BUILD], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DEMO: "off",
      APP_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: "test-secret-that-is-at-least-32-characters-long",
      // Each server's demo-mode emails go to its own folder, not the repository's.
      MAIL_DIR: path.join(path.dirname(dbPath), "mail"),
      ...env,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_PATH: dbPath,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    pid: child.pid!,
    databasePath: dbPath,
    output: () => log,
    withDb: (fn) => withDatabase(dbPath, fn),
    signedIn: (email, password = TEST_PASSWORD) => signedInClient(url, email, password),
    kill: (signal = "SIGKILL") =>
      new Promise((resolve) => {
        const sent = Date.now();
        if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode, ms: 0 });
        child.once("exit", (code, sig) => resolve({ code, signal: sig, ms: Date.now() - sent }));
        child.kill(signal);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
