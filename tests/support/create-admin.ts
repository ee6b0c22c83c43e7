import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs `npm run create-admin` as an operator would, against a database file and site address. */
export function runCreateAdmin(args: string[], { databasePath, appUrl }: { databasePath: string; appUrl: string }) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/vite-node/vite-node.mjs"), "--config", "vitest.config.ts", "scripts/create-admin.ts", "--", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DEMO: "off",
      APP_URL: appUrl,
      SESSION_SECRET: "test-secret-that-is-at-least-32-characters-long",
      DATABASE_PATH: databasePath,
    },
    timeout: 60_000,
  });
  const link = /(https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+)/.exec(result.stdout)?.[1] ?? null;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, link };
}
