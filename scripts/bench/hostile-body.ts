import http from "node:http";
import { startServer } from "../../tests/support/server";
import { describeMachine } from "./machine";
import { summarise } from "./stats";

// npm run bench:hostile-body [-- --rounds 20]
// What one hostile request costs the server now: a 2 MB sign-in body of tiny
// fields ("a&a&a..."), the body that once froze the server for minutes, sent
// again and again while /healthz is asked every 5 ms. Reports how long each
// hostile request took to be answered and /healthz's latency meanwhile,
// against /healthz on an idle server. Loopback only; stops by itself.

const ROUNDS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 20);

function request(url: string, method: string, body?: Buffer): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method,
      agent: false,
      headers: body ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": body.length, Origin: new URL(url).origin } : {},
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function healthLatencies(url: string, until: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (!until()) {
    samples.push((await request(`${url}/healthz`, "GET")).ms);
    await new Promise((r) => setTimeout(r, 5));
  }
  return samples;
}

const fmt = (n: number) => n.toFixed(1);

const server = await startServer({ env: { MAIL_WORKER: "off", LOG_LEVEL: "warn" } });
try {
  const body = Buffer.from("a&".repeat(1024 * 1024 - 1));
  let idleDone = false;
  const idle = healthLatencies(server.url, () => idleDone);
  await new Promise((r) => setTimeout(r, 2000));
  idleDone = true;
  const idleSamples = await idle;

  let hostileDone = false;
  const during = healthLatencies(server.url, () => hostileDone);
  const answers: number[] = [];
  const statuses = new Set<number>();
  for (let i = 0; i < ROUNDS; i++) {
    const { status, ms } = await request(`${server.url}/login`, "POST", body);
    answers.push(ms);
    statuses.add(status);
  }
  hostileDone = true;
  const duringSamples = await during;

  const m = describeMachine();
  const a = summarise(answers);
  const i = summarise(idleSamples);
  const d = summarise(duringSamples);
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}`);
  console.log(`Hostile body: ${(body.length / 1024 / 1024).toFixed(2)} MB, ${body.length / 2} fields, ${ROUNDS} requests one after another; answered ${[...statuses].join(", ")}`);
  console.log("");
  console.log("| measure | p50 ms | p95 ms | max ms | samples |");
  console.log("| --- | --- | --- | --- | --- |");
  console.log(`| hostile POST /login, sent and answered | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(a.max)} | ${a.count} |`);
  console.log(`| /healthz, idle server | ${fmt(i.p50)} | ${fmt(i.p95)} | ${fmt(i.max)} | ${i.count} |`);
  console.log(`| /healthz, while the hostile bodies are sent | ${fmt(d.p50)} | ${fmt(d.p95)} | ${fmt(d.max)} | ${d.count} |`);
} finally {
  await server.stop();
}
