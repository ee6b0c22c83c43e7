import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Browser tests run against the already-built server (`npm run build` comes
// first in `npm test`), started in demo mode so the demo accounts exist, on a
// fixed port nothing else here uses and on a brand-new database file per run.
// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3917);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// The config is loaded by the runner and again by every worker; only the
// runner makes the database folder, and the workers inherit its name.
const DB_DIR_VAR = "PRACTICE_BANK_E2E_DB_DIR";
if (!process.env[DB_DIR_VAR]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-e2e-"));
  process.env[DB_DIR_VAR] = dir;
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
}
const DATABASE_PATH = path.join(process.env[DB_DIR_VAR]!, "practice-bank.sqlite");

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.ts",
  fullyParallel: false,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  reporter: "list",
  // Generous for a 2-core machine that may be busy with other work.
  timeout: 60_000,
  globalTimeout: 20 * 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  use: {
    browserName: "chromium",
    viewport: { width: 1280, height: 800 },
    baseURL: BASE_URL,
    locale: "en-GB",
    timezoneId: "Europe/London",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node build/index.js",
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      HOST: "127.0.0.1",
      PORT: String(PORT),
      DATABASE_PATH,
      // No APP_URL: the demo is on, as after README's first command.
      NODE_ENV: "production",
      APP_URL: "",
    },
  },
});
