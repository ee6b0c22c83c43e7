import { afterEach, describe, expect, it } from "vitest";
import { MEMORY_LINE } from "../../server/memory-report";
import { startServer, type RunningServer } from "../support/server";

// The soak judges memory on the heap after a full collection (docs/benchmarks.md,
// "Soak"); this is how it reads it from the real server.

const running: RunningServer[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!.stop();
});

async function memoryLine(server: RunningServer): Promise<Record<string, number>> {
  for (;;) {
    const m = new RegExp(`${MEMORY_LINE} (\\{.*\\})`).exec(server.output());
    if (m) return JSON.parse(m[1]) as Record<string, number>;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("memory after a full garbage collection (debug, --expose-gc)", () => {
  it("answers SIGUSR2 with the heap in use, the heap reserved and the resident size, and keeps serving", async () => {
    const server = await startServer({ env: { NODE_OPTIONS: "--expose-gc", MAIL_WORKER: "off" } });
    running.push(server);
    process.kill(server.pid, "SIGUSR2");
    const report = await memoryLine(server);
    expect(report.pid).toBe(server.pid);
    expect(report.heapUsed).toBeGreaterThan(0);
    expect(report.heapTotal).toBeGreaterThanOrEqual(report.heapUsed);
    expect(report.rss).toBeGreaterThan(report.heapUsed);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
