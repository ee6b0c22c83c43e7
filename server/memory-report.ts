// Debug only, for the soak (docs/benchmarks.md, "Soak"): started with
// NODE_OPTIONS=--expose-gc, a server process answers SIGUSR2 by collecting
// garbage fully and printing one line of what it then holds. The heap after a
// full collection is what a leak grows; the resident size (RSS) also counts
// garbage not yet collected and memory the allocator keeps for reuse.
// Without --expose-gc nothing is installed and SIGUSR2 keeps Node's default.

export const MEMORY_LINE = "memory after gc:";

export function reportMemoryOnSignal() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== "function") return;
  process.on("SIGUSR2", () => {
    gc();
    const m = process.memoryUsage();
    const mib = (n: number) => Math.round((n / 1048576) * 10) / 10;
    process.stdout.write(`${MEMORY_LINE} ${JSON.stringify({ pid: process.pid, heapUsed: mib(m.heapUsed), heapTotal: mib(m.heapTotal), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers), rss: mib(m.rss) })}\n`);
  });
}
