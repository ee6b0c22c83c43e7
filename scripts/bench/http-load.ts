import http from "node:http";
import { summarise, type Summary } from "./stats";

// A closed-loop load generator: `clients` loops, each sending one request,
// reading the whole answer, then sending the next, over keep-alive
// connections, until the time is up. Like autocannon's default mode; written
// here to avoid a dependency for forty lines. Latency is from sending the
// request to the last byte of the answer. Being closed-loop, a slow server
// gets fewer requests rather than a queue, so latencies under overload look
// better than an open-loop (fixed-rate) test would show.

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  latency: Summary;
  /** Answers by status code; "error" for failed connections. */
  statuses: Record<string, number>;
  nonSuccess: number;
  /** How many times the clients went through the whole URL list (1 = each URL at most once). */
  passes: number;
}

function get(agent: http.Agent, base: URL, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: base.hostname, port: base.port, path, agent, headers: { accept: "text/html,application/json" } }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

export async function runLoad(baseUrl: string, paths: string[], { clients, seconds }: { clients: number; seconds: number }): Promise<LoadResult> {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;

  async function client() {
    while (performance.now() < deadline) {
      const path = paths[next++ % paths.length];
      const sent = performance.now();
      let status: string;
      try {
        status = String(await get(agent, base, path));
      } catch {
        status = "error";
      }
      latencies.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }

  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const nonSuccess = Object.entries(statuses).filter(([s]) => !/^2\d\d$/.test(s)).reduce((n, [, c]) => n + c, 0);
  return {
    requests: latencies.length,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    latency: summarise(latencies),
    statuses,
    nonSuccess,
    passes: Math.ceil(next / paths.length),
  };
}
