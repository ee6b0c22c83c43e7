import type { LoadResult } from "./http-load";
import type { Machine } from "./machine";
import type { KindResult } from "./search-latency";
import type { Summary } from "./stats";

// The report, as Markdown that reads as plain text too, so it can be pasted
// into docs/benchmarks.md as it is.

export const GOALS = {
  wordP95Ms: 10,
  worstP95Ms: 100,
  pageRequestsPerSecond: 300,
  pageP95Ms: 50,
};

export interface RouteResult {
  path: string;
  /** Status of a first request for a query known to match, and whether the answer showed that match. */
  probe: { status: number | "error"; showsResults: boolean };
  load: LoadResult | null;
  goal: boolean;
}

export interface Report {
  machine: Machine;
  loadBefore: string;
  loadAfter: string;
  options: { entries: number; seed: number; queriesPerKind: number; seconds: number; clients: number; processes: number };
  corpus: { practice: number; sessions: number; averageWords: number; entryTags: number; distinctWords: number };
  timings: { generateS: number; indexS: number; totalS: number };
  databaseBytes: number;
  search: KindResult[];
  http: { routes: RouteResult[]; distinctUrls: number; skipped?: string };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "-");
const int = (n: number) => Math.round(n).toLocaleString("en-GB");
const miss = (value: number, goal: number, unit: string) => `MISSED by ${ms(value - goal)} ${unit} (${(value / goal).toFixed(1)}x)`;

function latencyCells(s: Summary) {
  return `${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)}`;
}

function searchSection(results: KindResult[]): string[] {
  const lines = [
    "| Query | Drawn from | Queries | Matches (median) | p50 ms | p95 ms | p99 ms | max ms | CPU p50 / p95 ms | Goal (p95) |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of results) {
    const goal = r.kind.goal === "word" ? GOALS.wordP95Ms : GOALS.worstP95Ms;
    const verdict = r.latency.p95 <= goal ? `met (<= ${goal} ms)` : miss(r.latency.p95, goal, "ms");
    const count = `${r.latency.count}${r.cut ? " (time budget)" : ""}`;
    lines.push(`| ${r.kind.label} | ${r.kind.drawn} | ${count} | ${int(r.medianMatches)} | ${latencyCells(r.latency)} | ${ms(r.cpu.p50)} / ${ms(r.cpu.p95)} | ${verdict} |`);
  }
  const worst = results.reduce((a, b) => (b.latency.p95 > a.latency.p95 ? b : a));
  lines.push(
    "",
    `Worst query of the set: ${worst.kind.label}, p95 ${ms(worst.latency.p95)} ms: ` +
      (worst.latency.p95 <= GOALS.worstP95Ms ? `goal met (<= ${GOALS.worstP95Ms} ms).` : `goal ${miss(worst.latency.p95, GOALS.worstP95Ms, "ms")}.`),
  );
  return lines;
}

function routeVerdict(r: RouteResult): string {
  if (!r.load) return "not measured";
  if (!r.goal) return "no goal set";
  const misses: string[] = [];
  if (r.load.perSecond < GOALS.pageRequestsPerSecond) {
    misses.push(`throughput MISSED by ${int(GOALS.pageRequestsPerSecond - r.load.perSecond)} req/s (${int(r.load.perSecond)} of ${GOALS.pageRequestsPerSecond})`);
  }
  if (r.load.latency.p95 > GOALS.pageP95Ms) misses.push(`p95 ${miss(r.load.latency.p95, GOALS.pageP95Ms, "ms")}`);
  return misses.length ? misses.join("; ") : `met (>= ${GOALS.pageRequestsPerSecond} req/s, p95 <= ${GOALS.pageP95Ms} ms)`;
}

function httpSection(report: Report): string[] {
  const { routes, distinctUrls, skipped } = report.http;
  if (skipped) return [`Not measured: ${skipped}`];
  const { clients, seconds, processes } = report.options;
  const lines = [
    `${clients} concurrent keep-alive clients for ${seconds} s per route, on loopback; the server (NODE_ENV=production, ` +
      `${processes === 1 ? "one process" : `WEB_CONCURRENCY=${processes}: ${processes} processes`}, ` +
      `answer cache on as shipped) and the load generator share the machine's cores. ${int(distinctUrls)} distinct query URLs ` +
      "in a mix of kinds (one word, two words, phrase, prefix, facets, very common word); in the first row for each route each is requested about once, " +
      "so the answer cache seldom helps. The second row repeats 150 of them, as popular searches repeat on a public site, so most answers come from the cache.",
    "",
    "| Route | Requests | Req/s | p50 ms | p95 ms | p99 ms | max ms | Non-2xx | Goal |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  const notes: string[] = [];
  for (const r of routes) {
    if (!r.load) {
      lines.push(`| ${r.path} | - | - | - | - | - | - | - | not measured |`);
    } else {
      const passes = r.load.passes > 1 ? ` (URLs reused: ${r.load.passes} passes)` : "";
      lines.push(`| ${r.path} | ${int(r.load.requests)}${passes} | ${int(r.load.perSecond)} | ${latencyCells(r.load.latency)} | ${int(r.load.nonSuccess)} | ${routeVerdict(r)} |`);
    }
    if (r.probe.status === 404) notes.push(`${r.path} answered 404: the route does not exist in this build, so it was not load-tested.`);
    else if (r.probe.status !== 200) notes.push(`${r.path} answered ${r.probe.status} to a first request, so it was not load-tested.`);
    else if (!r.probe.showsResults) notes.push(`${r.path} answered 200 but did not show a result known to match the query: it does not search yet (a placeholder?), so its numbers do not measure search.`);
    if (r.load && r.load.nonSuccess) notes.push(`${r.path} statuses: ${JSON.stringify(r.load.statuses)}`);
  }
  return notes.length ? [...lines, "", ...notes.map((n) => `- ${n}`)] : lines;
}

export function formatReport(report: Report): string {
  const { machine: m, corpus: c, timings: t, options: o } = report;
  return [
    "# Search benchmark",
    "",
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM; ${m.os}`,
    `- Software: Node ${m.node}, SQLite ${m.sqlite} (better-sqlite3 ${m.betterSqlite3})`,
    `- Load average (1, 5, 15 min) before: ${report.loadBefore}; after: ${report.loadAfter}`,
    `- Corpus: ${int(c.practice)} published practice entries + ${c.sessions} Week of Action sessions (seed ${o.seed}); ` +
      `${int(c.averageWords)} words per entry on average; ${int(c.entryTags)} entry tags; ${int(c.distinctWords)} distinct words in the index`,
    `- Corpus written in ${t.generateS.toFixed(1)} s; search index built (rebuildSearchIndex) in ${t.indexS.toFixed(1)} s; ` +
      `database ${(report.databaseBytes / 1e6).toFixed(0)} MB; whole run ${t.totalS.toFixed(0)} s`,
    "",
    `## Search module (search() in process, answer cache off; up to ${o.queriesPerKind} queries per kind)`,
    "",
    "Times are wall-clock per call. CPU is the process's CPU time for the same call: when it is well below the wall time, the call was waiting for a core that other work held.",
    "",
    ...searchSection(report.search),
    "",
    "## HTTP",
    "",
    ...httpSection(report),
    "",
  ].join("\n");
}
