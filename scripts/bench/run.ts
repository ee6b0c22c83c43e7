import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { openDatabase, type DB } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { seedReferenceData } from "../../db/seed";
import { rebuildSearchIndex, search } from "../../app/models/search.server";
import { startServer, type RunningServer } from "../../tests/support/server";
import { generateCorpus } from "./corpus";
import { runLoad } from "./http-load";
import { describeMachine, loadAverage } from "./machine";
import { QuerySource } from "./queries";
import { Random } from "./random";
import { formatReport, type Report, type RouteResult } from "./report";
import { measureSearch } from "./search-latency";

// npm run bench [-- --entries 100000 --seconds 10 --seed 2026 --queries 200 --keep --skip-http --out report.md]
// (or BENCH_ENTRIES, BENCH_SECONDS, BENCH_SEED, BENCH_QUERIES). See docs/benchmarks.md.
// Progress goes to stderr, the report to stdout.

const ROOT = path.resolve(import.meta.dirname, "../..");
const CLIENTS = 10;
const WARM_UP_SECONDS = 3;
const SEARCH_BUDGET_MS_PER_KIND = 20_000;
const URL_POOL = 6000;
/** Fewer than the search module's answer cache holds (200), as a real head of popular searches would be. */
const POPULAR_URLS = 150;

function options() {
  const { values } = parseArgs({
    // vite-node passes its own arguments through; only ours are read.
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: {
      entries: { type: "string", default: process.env.BENCH_ENTRIES ?? "100000" },
      seconds: { type: "string", default: process.env.BENCH_SECONDS ?? "10" },
      seed: { type: "string", default: process.env.BENCH_SEED ?? "2026" },
      queries: { type: "string", default: process.env.BENCH_QUERIES ?? "200" },
      processes: { type: "string", default: process.env.BENCH_PROCESSES ?? "1" },
      keep: { type: "boolean", default: false },
      "skip-http": { type: "boolean", default: false },
      out: { type: "string" },
    },
    strict: true,
  });
  const number = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number of at least ${min}, not ${value}`);
    return n;
  };
  return {
    entries: number("entries", values.entries, 1),
    seconds: number("seconds", values.seconds, 1),
    seed: number("seed", values.seed, 0),
    queries: number("queries", values.queries, 10),
    processes: number("processes", values.processes, 1),
    keep: values.keep,
    skipHttp: values["skip-http"],
    out: values.out,
  };
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const seconds = (since: number) => (performance.now() - since) / 1000;

function ensureBuild() {
  if (fs.existsSync(path.join(ROOT, "build/index.js"))) return;
  log("build/index.js is missing: running npm run build");
  // vite-node runs this script with NODE_ENV=development, which would make a development build.
  const env = { ...process.env, NODE_ENV: "production" as const };
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, env, stdio: ["ignore", process.stderr, process.stderr] });
  if (result.status !== 0) throw new Error("npm run build failed");
}

/** Asks a route for a query known to match, and checks the answer links the match. */
async function probe(url: string, route: string, query: string, slug: string): Promise<RouteResult["probe"]> {
  try {
    const res = await fetch(`${url}${route}?${query}`, { headers: { accept: "text/html,application/json" } });
    const body = await res.text();
    return { status: res.status, showsResults: res.ok && body.includes(slug) };
  } catch {
    return { status: "error", showsResults: false };
  }
}

async function measureHttp(file: string, queries: string[], known: { query: string; slug: string }, o: ReturnType<typeof options>) {
  ensureBuild();
  log("Starting the server");
  let server: RunningServer | undefined;
  const stop = () => server?.stop();
  cleanups.push(stop);
  // MAIL_WORKER=off: nothing to send, and no timer waking up during the load.
  server = await startServer({
    databasePath: file,
    env: { SESSION_SECRET: randomBytes(32).toString("hex"), MAIL_WORKER: "off", WEB_CONCURRENCY: String(o.processes) },
  });
  const warmUp = queries.slice(0, Math.ceil(queries.length / 10));
  const measured = queries.slice(warmUp.length);
  const routes: RouteResult[] = [];
  for (const [route, goal] of [["/search", true], ["/api/search", false]] as const) {
    const result: RouteResult = { path: route, probe: await probe(server.url, route, known.query, known.slug), load: null, goal };
    if (result.probe.status === 200) {
      log(`Load on ${route}: ${WARM_UP_SECONDS} s warm-up, then ${o.seconds} s`);
      await runLoad(server.url, warmUp.map((q) => `${route}?${q}`), { clients: CLIENTS, seconds: WARM_UP_SECONDS });
      result.load = await runLoad(server.url, measured.map((q) => `${route}?${q}`), { clients: CLIENTS, seconds: o.seconds });
      routes.push(result);
      // A public site's searches repeat ("ASB", "shoplifting"): the same
      // few URLs again and again, answered from the search cache once seen.
      const popular = measured.slice(0, POPULAR_URLS).map((q) => `${route}?${q}`);
      log(`Load on ${route}, ${POPULAR_URLS} popular searches: one pass to see them, then ${o.seconds} s`);
      await runLoad(server.url, popular, { clients: CLIENTS, seconds: WARM_UP_SECONDS });
      const load = await runLoad(server.url, popular, { clients: CLIENTS, seconds: o.seconds });
      routes.push({ ...result, path: `${route} (${POPULAR_URLS} popular searches, repeated)`, load });
      continue;
    } else {
      log(`${route} answered ${result.probe.status}: not load-tested`);
      if (result.probe.status !== 404) log(`Server output:\n${server.output().slice(-3000)}`);
    }
    routes.push(result);
  }
  await stop();
  return { routes, distinctUrls: measured.length };
}

const cleanups: (() => unknown)[] = [];

async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!();
}

async function main() {
  const o = options();
  const started = performance.now();
  const machine = describeMachine();
  const loadBefore = loadAverage();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-bench-"));
  cleanups.push(() => (o.keep ? log(`Kept the database in ${dir}`) : fs.rmSync(dir, { recursive: true, force: true })));
  const file = path.join(dir, "bench.sqlite");

  let db: DB | undefined = openDatabase(file);
  cleanups.push(() => db?.destroy());
  await migrateToLatest(db);
  await seedReferenceData(db);

  log(`Writing ${o.entries.toLocaleString("en-GB")} entries (seed ${o.seed}) to ${file}`);
  let t = performance.now();
  const corpus = await generateCorpus(db, {
    entries: o.entries,
    seed: o.seed,
    onProgress: (n) => log(`  ${n.toLocaleString("en-GB")} entries, ${seconds(t).toFixed(0)} s`),
  });
  const generateS = seconds(t);

  log("Building the search index");
  t = performance.now();
  const indexed = await rebuildSearchIndex(db);
  const indexS = seconds(t);
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
  const databaseBytes = fs.statSync(file).size;
  const distinctWords = Number((await db.selectFrom("search_terms").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

  log("Measuring the search module");
  const source = await QuerySource.open(db, new Random(o.seed + 1));
  const kinds = await source.kinds(o.queries, indexed.practice + indexed.sessions);
  const searchResults = await measureSearch(db, kinds, { budgetMsPerKind: SEARCH_BUDGET_MS_PER_KIND });

  let http: Report["http"] = { routes: [], distinctUrls: 0, skipped: "--skip-http was given" };
  if (!o.skipHttp) {
    const urlQueries = await source.urlQueries(URL_POOL, indexed.practice + indexed.sessions);
    // A query with a known match, to tell a real search page from a placeholder.
    const probeWord = (source.rare(indexed.practice)[0] ?? source.veryCommon(1)[0]).term;
    const slug = (await search(db, { q: probeWord })).results[0]?.url.split("/").pop() ?? "";
    await db.destroy();
    db = undefined;
    http = await measureHttp(file, urlQueries, { query: new URLSearchParams({ q: probeWord }).toString(), slug }, o);
  }

  const report = formatReport({
    machine,
    loadBefore,
    loadAfter: loadAverage(),
    options: { entries: o.entries, seed: o.seed, queriesPerKind: o.queries, seconds: o.seconds, clients: CLIENTS, processes: o.processes },
    corpus: { practice: indexed.practice, sessions: indexed.sessions, averageWords: corpus.averageWords, entryTags: corpus.entryTags, distinctWords },
    timings: { generateS, indexS, totalS: seconds(started) },
    databaseBytes,
    search: searchResults,
    http,
  });
  process.stdout.write(report);
  if (o.out) fs.writeFileSync(o.out, report);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the server and removing the database`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await cleanUp();
}
