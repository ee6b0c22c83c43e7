import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { openDatabase } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { seedReferenceData } from "../../db/seed";
import { rebuildSearchIndex } from "../../app/models/search.server";
import { Client } from "../../tests/support/client";
import { completeEntryForm } from "../../tests/support/entries";
import { startServer, type RunningServer } from "../../tests/support/server";
import { addUser, TEST_PASSWORD } from "../../tests/support/users";
import { MEMORY_LINE } from "../../server/memory-report";
import { generateCorpus } from "./corpus";
import { describeMachine, loadAverage } from "./machine";
import { Random } from "./random";
import { summarise, type Summary } from "./stats";

// npm run soak [-- --minutes 5 --processes 1,2 --entries 2000 --out soak.md]
// Mixed load on the real server for minutes at a time (docs/benchmarks.md,
// "Soak"): 95% public reads and 5% writes (autosaves, submissions, review
// decisions) by several accounts, first a read-only stretch to compare
// against. Progress goes to stderr, the report (Markdown) to stdout.

const CLIENTS = 10;
const WRITE_SHARE = 0.05;
const LEADS = [
  ["soak.sussex@police.example", "sussex-police"],
  ["soak.hampshire@police.example", "hampshire-and-isle-of-wight-constabulary"],
  ["soak.kent@police.example", "kent-police"],
  ["soak.essex@police.example", "essex-police"],
] as const;
const REVIEWERS = ["soak.reviewer1@college.example", "soak.reviewer2@college.example"];
const READ_WORDS = ["patrol", "shop theft", "youth", "knife crime", "ASB", "partnership", "county lines", "e-scooter", "CCTV", "hotspot", "problem solving", "retail"];

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: {
      minutes: { type: "string", default: process.env.SOAK_MINUTES ?? "5" },
      "read-only-minutes": { type: "string" },
      processes: { type: "string", default: "1,2" },
      entries: { type: "string", default: "2000" },
      out: { type: "string" },
    },
    strict: true,
  });
  const minutes = Number(values.minutes);
  if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, not ${values.minutes}`);
  const readOnlyMinutes = Number(values["read-only-minutes"] ?? Math.max(0.25, Math.min(1, minutes / 5)));
  const processes = values.processes.split(",").map(Number);
  if (processes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--processes must be a list like 1,2, not ${values.processes}`);
  return { minutes, readOnlyMinutes, processes, entries: Number(values.entries), out: values.out };
}

const log = (message: string) => process.stderr.write(`${message}\n`);

function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // no children file: one process
  }
}

/** Resident memory of a process and its children (the server processes of WEB_CONCURRENCY), in MiB. */
function rssMiB(pid: number): number {
  const rss = (p: number) => Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) / 1024;
  return [pid, ...childrenOf(pid)].reduce((total, p) => total + rss(p), 0);
}

/**
 * The V8 heap in use after a full garbage collection, summed over the
 * processes that serve, in MiB (server/memory-report.ts; the server runs with
 * --expose-gc). This, not RSS, is what grows if something leaks.
 */
async function heapAfterGcMiB(server: RunningServer): Promise<{ used: number; total: number }> {
  const children = childrenOf(server.pid);
  const serving = children.length ? children : [server.pid]; // the first process of several only supervises
  const seen = (server.output().match(new RegExp(MEMORY_LINE, "g")) ?? []).length;
  for (const p of serving) process.kill(p, "SIGUSR2");
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = [...server.output().matchAll(new RegExp(`${MEMORY_LINE} (\\{.*\\})`, "g"))].slice(seen);
    if (lines.length >= serving.length) {
      for (const m of lines) log(`  ${MEMORY_LINE} ${m[1]}`);
      const reports = lines.map((m) => JSON.parse(m[1]) as { heapUsed: number; heapTotal: number });
      return { used: reports.reduce((t, r) => t + r.heapUsed, 0), total: reports.reduce((t, r) => t + r.heapTotal, 0) };
    }
    if (Date.now() > deadline) throw new Error("the server did not report its memory after SIGUSR2 (started without --expose-gc?)");
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Kind = "read" | "autosave" | "submit" | "decision";

interface Phase {
  seconds: number;
  latencies: Record<Kind, number[]>;
  errors: Record<Kind, number>;
  errorSamples: string[];
}

interface Actor {
  kind: "lead" | "reviewer";
  client: Client;
  busy: boolean;
  draft?: { id: number; version: number };
  saves: number;
}

class Soak {
  private rnd = new Random(2026);
  private queue: number[] = [];
  private decisions = 0;

  constructor(
    private server: RunningServer,
    private slugs: string[],
    private actors: Actor[],
    private tagId: number,
  ) {}

  private readPath(): string {
    const r = this.rnd.next();
    if (r < 0.4) return `/practice/${this.rnd.pick(this.slugs)}`;
    if (r < 0.7) return `/search?q=${encodeURIComponent(this.rnd.pick(READ_WORDS))}`;
    if (r < 0.8) return `/api/search?q=${encodeURIComponent(this.rnd.pick(READ_WORDS))}`;
    if (r < 0.9) return "/";
    return "/week-of-action";
  }

  async run(seconds: number, withWrites: boolean): Promise<Phase> {
    const phase: Phase = {
      seconds,
      latencies: { read: [], autosave: [], submit: [], decision: [] },
      errors: { read: 0, autosave: 0, submit: 0, decision: 0 },
      errorSamples: [],
    };
    const end = performance.now() + seconds * 1000;
    const record = (kind: Kind, started: number, ok: boolean, what: string) => {
      phase.latencies[kind].push(performance.now() - started);
      if (!ok) {
        phase.errors[kind]++;
        if (phase.errorSamples.length < 5) phase.errorSamples.push(`${kind}: ${what}`);
      }
    };
    const worker = async () => {
      while (performance.now() < end) {
        const actor = withWrites && this.rnd.chance(WRITE_SHARE) ? this.freeActor() : undefined;
        if (actor) {
          actor.busy = true;
          try {
            await this.write(actor, record);
          } finally {
            actor.busy = false;
          }
          continue;
        }
        const p = this.readPath();
        const started = performance.now();
        try {
          const res = await fetch(this.server.url + p);
          await res.arrayBuffer();
          record("read", started, res.status === 200, `${res.status} ${p}`);
        } catch (e) {
          record("read", started, false, `${String(e)} ${p}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, worker));
    return phase;
  }

  private freeActor(): Actor | undefined {
    const free = this.actors.filter((a) => !a.busy && (a.kind === "lead" || this.queue.length > 0));
    return free.length ? this.rnd.pick(free) : undefined;
  }

  private async write(actor: Actor, record: (kind: Kind, started: number, ok: boolean, what: string) => void) {
    const started = performance.now();
    try {
      if (actor.kind === "reviewer") {
        const id = this.queue.shift()!;
        const { state_version } = await this.server.withDb((db) => db.selectFrom("practice_entries").select("state_version").where("id", "=", id).executeTakeFirstOrThrow());
        const publish = this.decisions++ % 3 !== 2;
        const res = await actor.client.post(
          `/review/${id}`,
          publish
            ? { intent: "publish", stateVersion: String(state_version), evidenceLabel: "promising", tagIds: [String(this.tagId)] }
            : { intent: "request_changes", stateVersion: String(state_version), message: "Please add the before and after figures." },
        );
        record("decision", started, res.status === 302, `${res.status} /review/${id}`);
        return;
      }
      // A lead mostly keeps typing (autosaves); every twentieth save submits the entry.
      if (!actor.draft || actor.saves % 20 === 19) {
        if (actor.draft) {
          const res = await actor.client.post(`/submissions/${actor.draft.id}/edit`, {
            intent: "submit", version: String(actor.draft.version), ...completeEntryForm(this.tagId, { title: `Soak entry ${actor.draft.id}` }),
          });
          record("submit", started, res.status === 302, `${res.status} submit ${actor.draft.id}`);
          if (res.status === 302) this.queue.push(actor.draft.id);
          actor.draft = undefined;
          actor.saves++;
          return;
        }
        const res = await actor.client.post("/submissions/new", {});
        const id = Number(/\/submissions\/(\d+)\/edit/.exec(res.headers.get("location") ?? "")?.[1]);
        record("submit", started, res.status === 302 && id > 0, `${res.status} new draft`);
        if (id > 0) actor.draft = { id, version: 1 };
        return;
      }
      const res = await actor.client.post(`/submissions/${actor.draft.id}/autosave`, {
        version: String(actor.draft.version), richTextFormat: "json", title: `Soak draft, save ${actor.saves}`,
      });
      const body = (await res.json().catch(() => ({}))) as { version?: number };
      record("autosave", started, res.status === 200, `${res.status} autosave`);
      if (res.status === 200 && body.version) actor.draft.version = body.version;
      actor.saves++;
    } catch (e) {
      record(actor.kind === "reviewer" ? "decision" : "autosave", started, false, String(e));
    }
  }
}

async function prepare(file: string, entries: number) {
  const db = openDatabase(file);
  await migrateToLatest(db);
  await seedReferenceData(db);
  await generateCorpus(db, { entries, seed: 2026 });
  await rebuildSearchIndex(db);
  for (const [email, org] of LEADS) await addUser(db, email, "force_lead", org);
  for (const email of REVIEWERS) await addUser(db, email, "reviewer");
  const slugs = (await db.selectFrom("practice_entries").select("slug").where("status", "=", "published").execute()).map((r) => r.slug!);
  const tagId = (await db.selectFrom("tags").select("id").where("slug", "=", "youth").executeTakeFirstOrThrow()).id;
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
  await db.destroy();
  return { slugs, tagId };
}

interface ConfigResult {
  processes: number;
  readOnly: Phase;
  mixed: Phase;
  rss: { start: number; afterReadOnly: number; end: number; max: number; byMinute: number[] };
  heap: Record<"start" | "afterReadOnly" | "end", { used: number; total: number }> & { byMinute: { used: number; total: number }[] };
  busy: Record<string, number>;
  serverErrors: number;
}

async function runConfig(processes: number, o: ReturnType<typeof options>): Promise<ConfigResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-soak-"));
  const file = path.join(dir, "soak.sqlite");
  try {
    log(`[${processes} process${processes > 1 ? "es" : ""}] preparing ${o.entries} published entries`);
    const { slugs, tagId } = await prepare(file, o.entries);
    const server = await startServer({ databasePath: file, env: { WEB_CONCURRENCY: String(processes), MAIL_WORKER_INTERVAL_MS: "1000", NODE_OPTIONS: "--expose-gc" } });
    try {
      const actors: Actor[] = [];
      for (const [email] of LEADS) actors.push({ kind: "lead", client: await signedIn(server.url, email), busy: false, saves: 0 });
      for (const email of REVIEWERS) actors.push({ kind: "reviewer", client: await signedIn(server.url, email), busy: false, saves: 0 });
      const soak = new Soak(server, slugs, actors, tagId);
      await soak.run(5, false); // warm-up: caches, JIT
      const heap: ConfigResult["heap"] = { start: await heapAfterGcMiB(server), afterReadOnly: { used: 0, total: 0 }, end: { used: 0, total: 0 }, byMinute: [] };
      const rss = { start: rssMiB(server.pid), afterReadOnly: 0, end: 0, max: 0, byMinute: [] as number[] };
      let ticks = 0;
      const sampler = setInterval(() => {
        const now = rssMiB(server.pid);
        rss.max = Math.max(rss.max, now);
        if (++ticks % 60 === 0) {
          rss.byMinute.push(now);
          void heapAfterGcMiB(server).then((h) => heap.byMinute.push(h), () => {});
        }
      }, 1000);
      log(`[${processes}] read-only for ${o.readOnlyMinutes} min`);
      const readOnly = await soak.run(o.readOnlyMinutes * 60, false);
      rss.afterReadOnly = rssMiB(server.pid);
      heap.afterReadOnly = await heapAfterGcMiB(server);
      log(`[${processes}] 95% reads, 5% writes for ${o.minutes} min`);
      const mixed = await soak.run(o.minutes * 60, true);
      clearInterval(sampler);
      rss.end = rssMiB(server.pid);
      rss.max = Math.max(rss.max, rss.end);
      heap.end = await heapAfterGcMiB(server);
      const busy: Record<string, number> = {};
      for (const m of server.output().matchAll(/code: '(SQLITE_BUSY\w*)'/g)) busy[m[1]] = (busy[m[1]] ?? 0) + 1;
      const serverErrors = (server.output().match(/^\w*Error\b.*$/gm) ?? []).length;
      return { processes, readOnly, mixed, rss, heap, busy, serverErrors };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function signedIn(url: string, email: string) {
  const client = new Client(url);
  await client.signIn(email, TEST_PASSWORD);
  return client;
}

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : "-");
const row = (label: string, s: Summary, errors: number, seconds: number) =>
  `| ${label} | ${s.count.toLocaleString("en-GB")} | ${(s.count / seconds).toFixed(1)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${errors} |`;

function formatConfig(r: ConfigResult, o: ReturnType<typeof options>) {
  const ro = summarise(r.readOnly.latencies.read);
  const mixedRead = summarise(r.mixed.latencies.read);
  const ratio = mixedRead.p95 / ro.p95;
  const errors = Object.values(r.mixed.errors).reduce((a, b) => a + b, 0) + Object.values(r.readOnly.errors).reduce((a, b) => a + b, 0);
  const busyTotal = Object.values(r.busy).reduce((a, b) => a + b, 0);
  const writes = r.mixed.latencies.autosave.length + r.mixed.latencies.submit.length + r.mixed.latencies.decision.length;
  const total = writes + r.mixed.latencies.read.length;
  const growth = r.rss.end - r.rss.start;
  const heapGrowth = r.heap.end.used - r.heap.start.used;
  const signed = (n: number) => `${n >= 0 ? "+" : ""}${n.toFixed(1)}`;
  return [
    `### ${r.processes} server process${r.processes > 1 ? "es" : ""} (WEB_CONCURRENCY=${r.processes})`,
    "",
    `${CLIENTS} closed-loop clients; read-only for ${o.readOnlyMinutes} min, then ${o.minutes} min with ${(100 * writes / total).toFixed(1)}% writes (${writes.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} requests).`,
    "",
    "| Requests | Count | Per second | p50 ms | p95 ms | p99 ms | max ms | Errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    row("public reads, read-only stretch", ro, r.readOnly.errors.read, r.readOnly.seconds),
    row("public reads, with writes", mixedRead, r.mixed.errors.read, r.mixed.seconds),
    row("autosaves", summarise(r.mixed.latencies.autosave), r.mixed.errors.autosave, r.mixed.seconds),
    row("new drafts and submissions", summarise(r.mixed.latencies.submit), r.mixed.errors.submit, r.mixed.seconds),
    row("review decisions", summarise(r.mixed.latencies.decision), r.mixed.errors.decision, r.mixed.seconds),
    "",
    `- Errors (goal 0): ${errors}${r.mixed.errorSamples.length ? `, for example ${r.mixed.errorSamples.join("; ")}` : ""}. Errors logged by the server: ${r.serverErrors}.`,
    `- SQLITE_BUSY in the server log (goal 0): ${busyTotal}${busyTotal ? ` (${Object.entries(r.busy).map(([k, v]) => `${k} ${v}`).join(", ")})` : ""}.`,
    `- Read p95 with writes against read-only (goal within 1.2x): ${ms(mixedRead.p95)} / ${ms(ro.p95)} ms = ${ratio.toFixed(2)}x: ${ratio <= 1.2 ? "met" : "MISSED"}.`,
    `- Server heap after a full garbage collection${r.processes > 1 ? " (all serving processes)" : ""}, what a leak grows: ${r.heap.start.used.toFixed(1)} MiB after warm-up, ${r.heap.afterReadOnly.used.toFixed(1)} MiB after the read-only stretch, ${r.heap.end.used.toFixed(1)} MiB at the end; ${signed(heapGrowth)} MiB over the run. Each minute from the start of the read-only stretch: ${r.heap.byMinute.map((m) => m.used.toFixed(1)).join(", ")} MiB. Heap V8 keeps reserved (part of RSS): ${r.heap.start.total.toFixed(0)}, ${r.heap.afterReadOnly.total.toFixed(0)}, ${r.heap.end.total.toFixed(0)} MiB.`,
    `- Server memory (RSS${r.processes > 1 ? ", all processes" : ""}): ${r.rss.start.toFixed(0)} MiB after warm-up, ${r.rss.afterReadOnly.toFixed(0)} MiB after the read-only stretch, ${r.rss.end.toFixed(0)} MiB at the end (highest ${r.rss.max.toFixed(0)} MiB); ${growth >= 0 ? "+" : ""}${growth.toFixed(0)} MiB over the run. Each minute from the start of the read-only stretch: ${r.rss.byMinute.map((m) => m.toFixed(0)).join(", ")} MiB.`,
    "",
  ].join("\n");
}

async function main() {
  const o = options();
  const machine = describeMachine();
  const loadBefore = loadAverage();
  const results: ConfigResult[] = [];
  for (const n of o.processes) results.push(await runConfig(n, o));
  const report = [
    `## Soak: ${o.minutes} min of mixed load`,
    "",
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM; ${machine.os}`,
    `- Software: Node ${machine.node}, SQLite ${machine.sqlite} (better-sqlite3 ${machine.betterSqlite3})`,
    `- Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAverage()}`,
    `- Data: ${o.entries.toLocaleString("en-GB")} published entries (seed 2026) and the 12 sessions; ${LEADS.length} force leads and ${REVIEWERS.length} reviewers writing`,
    "",
    ...results.map((r) => formatConfig(r, o)),
  ].join("\n");
  process.stdout.write(`${report}\n`);
  if (o.out) fs.writeFileSync(o.out, `${report}\n`);
}

await main();
