import cluster from "node:cluster";

// WEB_CONCURRENCY > 1: this process prepares the database, then runs that
// many server processes sharing the port. They can share everything: the
// database file holds sessions, sign-in throttling, the outbox (each email is
// claimed before it is sent) and the search index's generation, which every
// process's search caches check.

/** A worker that stops this soon after starting is failing to start, not crashing under load. */
const STARTUP_MS = 10_000;

export function superviseWorkers(count: number) {
  let stopping = false;
  const startedAt = new Map<number, number>();

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  const stop = (code: number) => {
    stopping = true;
    process.exitCode = code;
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit(code);
    for (const worker of running) worker?.process.kill("SIGTERM");
  };

  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (code !== 0 && lived < STARTUP_MS) {
      console.error(`A server process could not start (exit ${signal ?? code}); stopping.`);
      stop(1);
      return;
    }
    console.error(`A server process stopped (exit ${signal ?? code}); starting another.`);
    fork();
  });

  for (let i = 0; i < count; i++) fork();
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
}
