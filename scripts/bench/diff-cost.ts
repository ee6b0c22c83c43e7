import { diffWords } from "diff";
import { DIFF_BUDGET, pageDiffBudget, wordDiff } from "../../app/lib/word-diff";
import { hostileCase, hostileLinesCase, hostileRunsCase, realisticCase, realisticSingleSection, type DiffCase } from "./diff-cases";
import { describeMachine, loadAverage } from "./machine";
import { summarise } from "./stats";

// What the review page's word diffs cost for one page: every section of a
// case compared once, with one page budget, as app/lib/review-parts.server.ts
// does. Prints a Markdown report for docs/benchmarks.md.
//
//   npx vite-node --config vitest.config.ts scripts/bench/diff-cost.ts -- [--runs N]

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;

function cpuMs(since: NodeJS.CpuUsage) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function measure(c: DiffCase) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let outcome = { units: 0, tooMany: 0 };
  for (let run = 0; run < RUNS + 3; run++) {
    const page = pageDiffBudget();
    const t = performance.now();
    const c0 = process.cpuUsage();
    const diffs = c.sections.map(({ before, after }) => wordDiff(before, after, page));
    const cpuTime = cpuMs(c0);
    // The first runs warm the JIT up, as a running server is.
    if (run < 3) continue;
    wall.push(performance.now() - t);
    cpu.push(cpuTime);
    outcome = { units: DIFF_BUDGET.perPage - page.remaining, tooMany: diffs.filter((d) => d.tooMany).length };
  }
  return { wall: summarise(wall), cpu: summarise(cpu), ...outcome };
}

/** Before the budget: jsdiff's diffWords on each whole section, with its 250 ms timeout. */
function measureUnbounded(c: DiffCase) {
  const t = performance.now();
  const c0 = process.cpuUsage();
  for (const { before, after } of c.sections) diffWords(before, after, { timeout: 250 });
  return { wall: performance.now() - t, cpu: cpuMs(c0) };
}

const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
const m = describeMachine();
const loadBefore = loadAverage();
const cases = [realisticCase(), realisticSingleSection(), hostileCase(), hostileRunsCase(), hostileLinesCase()];
const lines = [
  "# Word-diff cost of one review page",
  "",
  `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM; ${m.os}; Node ${m.node}`,
  `- Budget: ${DIFF_BUDGET.perComparison.toLocaleString("en-GB")} units per comparison, ${DIFF_BUDGET.perPage.toLocaleString("en-GB")} per page; ${RUNS} runs per case after 3 warm-up runs`,
  "",
  "| Case | Sections | Units spent | Too many changes | CPU p50 / max ms | Wall p50 / max ms |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
];
for (const c of cases) {
  process.stderr.write(`${c.label}\n`);
  const r = measure(c);
  lines.push(`| ${c.label} | ${c.sections.length} | ${r.units.toLocaleString("en-GB")} | ${r.tooMany} | ${ms(r.cpu.p50)} / ${ms(r.cpu.max)} | ${ms(r.wall.p50)} / ${ms(r.wall.max)} |`);
}
process.stderr.write("before the budget (diffWords, 250 ms timeout)\n");
const unbounded = measureUnbounded(hostileCase());
lines.push(
  "",
  `Before the budget (jsdiff's diffWords on each whole section with a 250 ms timeout, one run): ${hostileCase().label}: ` +
    `CPU ${ms(unbounded.cpu)} ms, wall ${ms(unbounded.wall)} ms.`,
  "",
  `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAverage()}`,
  "",
);
process.stdout.write(lines.join("\n"));
