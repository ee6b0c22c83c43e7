import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Integration tests start build/index.js. Before any test runs, vitest's
// global setup rebuilds it when it is missing or older than a source, so
// `npm run test:unit` after an edit never tests an old build. `npm test`
// builds first, and then this finds the build fresh and does nothing.

const ROOT = path.resolve(import.meta.dirname, "../..");

/** What the server bundle is built from. */
export const BUILD_SOURCES = ["app", "server", "db", "remix.config.js", "package.json", "tsconfig.json"];

function newestFile(root: string, entries: readonly string[]): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  const consider = (file: string) => {
    const { mtimeMs } = fs.statSync(file);
    if (!newest || mtimeMs > newest.mtimeMs) newest = { file: path.relative(root, file), mtimeMs };
  };
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) continue;
    if (!fs.statSync(full).isDirectory()) {
      consider(full);
      continue;
    }
    for (const name of fs.readdirSync(full, { recursive: true, encoding: "utf8" })) {
      const file = path.join(full, name);
      if (fs.statSync(file).isFile()) consider(file);
    }
  }
  return newest;
}

/** Why the build at `root` must be made again, or null when it is fresh. */
export function staleBuildReason(root = ROOT, sources: readonly string[] = BUILD_SOURCES): string | null {
  const build = path.join(root, "build/index.js");
  if (!fs.existsSync(build)) return "build/index.js is missing";
  const newest = newestFile(root, sources);
  return newest && newest.mtimeMs > fs.statSync(build).mtimeMs ? `${newest.file} is newer than build/index.js` : null;
}

/** vitest globalSetup. */
export default function setup() {
  const reason = staleBuildReason();
  if (!reason) return;
  const started = performance.now();
  // vitest sets NODE_ENV=test; the server is always built and run as production.
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, env: { ...process.env, NODE_ENV: "production" }, encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`npm run build failed (${reason})`);
  }
  console.info(`Rebuilt build/index.js with npm run build (${reason}) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
