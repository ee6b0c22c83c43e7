import type { DB } from "../../db/connection";
import { search, setSearchCacheSize } from "../../app/models/search.server";
import type { QueryKind } from "./queries";
import { median, summarise, type Summary } from "./stats";

// The search module's own latency: search(db, params) called in this process,
// one query at a time, with the cache of whole answers turned off so that
// every call does the full work. The facet table and the tag and synonym
// lists stay loaded, as in a running server.

export interface KindResult {
  kind: QueryKind;
  latency: Summary;
  /**
   * CPU time this process spent per query. On a busy machine wall time also
   * counts waiting for a core; CPU time is closer to the work itself.
   */
  cpu: Summary;
  /** Median number of matches, to show how much work the kind is. */
  medianMatches: number;
  /** True when the time budget ran out before every query was run. */
  cut: boolean;
}

const WARM_UP_PER_KIND = 5;

export async function measureSearch(db: DB, kinds: QueryKind[], { budgetMsPerKind }: { budgetMsPerKind: number }): Promise<KindResult[]> {
  setSearchCacheSize(0);
  // Loads the facet table and reference lists, and gets the JIT and the page
  // cache going, before anything is timed.
  for (const kind of kinds) for (const q of kind.queries.slice(0, WARM_UP_PER_KIND)) await search(db, q);

  const results: KindResult[] = [];
  for (const kind of kinds) {
    const times: number[] = [];
    const cpu: number[] = [];
    const matches: number[] = [];
    const deadline = performance.now() + budgetMsPerKind;
    for (const q of kind.queries) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const response = await search(db, q);
      times.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      matches.push(response.total);
      if (performance.now() > deadline) break;
    }
    results.push({ kind, latency: summarise(times), cpu: summarise(cpu), medianMatches: median(matches), cut: times.length < kind.queries.length });
    process.stderr.write(`  ${kind.label}: ${times.length} queries\n`);
  }
  return results;
}
