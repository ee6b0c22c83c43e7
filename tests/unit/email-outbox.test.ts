import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type DB } from "../../db/connection";
import { createMailTransport, type MailTransport, type OutgoingEmail } from "../../app/lib/mail/transport.server";
import { deliverDueEmails, startMailWorker } from "../../app/lib/mail/worker.server";
import {
  claimDueEmails,
  enqueueEmail,
  getEmail,
  LEASE_MS,
  markFailedAttempt,
  MAX_ATTEMPTS,
  retryDelayMs,
} from "../../app/models/email-outbox.server";
import { freshDatabase, memoryDatabase } from "../support/database";

const open: DB[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (open.length) await open.pop()!.destroy();
});

async function memory() {
  const db = await memoryDatabase({ seed: false });
  open.push(db);
  return db;
}

const T0 = new Date("2026-01-05T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A transport that records what it is asked to send; `fail(n)` decides whether the n-th send (from 1) fails. */
function recordingTransport({ delayMs = 0, fail = (_n: number): boolean => false } = {}) {
  const sent: OutgoingEmail[] = [];
  let calls = 0;
  const transport: MailTransport = {
    kind: "file",
    description: "memory",
    async send(email) {
      const n = ++calls;
      if (delayMs) await sleep(delayMs);
      if (fail(n)) throw new Error(`mail server said no (${n})`);
      sent.push(email);
    },
    close() {},
  };
  return { transport, sent, calls: () => calls };
}

async function enqueueMany(db: DB, n: number) {
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) ids.push(await enqueueEmail(db, { to: `person${i}@example.org`, subject: `Subject ${i}`, text: `Body ${i}` }));
  // Due from T0 onwards, whatever the clock says.
  await db.updateTable("email_outbox").set({ next_attempt_at: T0.toISOString() }).execute();
  return ids;
}

function countById(sent: OutgoingEmail[]) {
  const counts = new Map<number, number>();
  for (const e of sent) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
  return counts;
}

describe("enqueueEmail", () => {
  it("writes a pending row with the caller's transaction, and nothing if that transaction rolls back", async () => {
    const db = await memory();
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, { to: "a@example.org", subject: "Lost", text: "Never queued" });
        throw new Error("the workflow step failed");
      }),
    ).rejects.toThrow("the workflow step failed");
    expect(await db.selectFrom("email_outbox").selectAll().execute()).toEqual([]);

    const id = await db.transaction().execute((trx) => enqueueEmail(trx, { to: "b@example.org", subject: "Kept", text: "Queued" }));
    const row = await getEmail(db, id);
    expect(row).toMatchObject({ to_address: "b@example.org", subject: "Kept", body_text: "Queued", status: "pending", attempts: 0, notification_id: null });
    // Due straight away.
    expect(row!.next_attempt_at <= new Date().toISOString()).toBe(true);
  });
});

describe("claimDueEmails", () => {
  it("claims due pending rows oldest first, and leases them so nobody else claims them until the lease ends", async () => {
    const db = await memory();
    const [a, b, c] = await enqueueMany(db, 3);
    await db.updateTable("email_outbox").set({ next_attempt_at: at(60_000).toISOString() }).where("id", "=", b).execute();

    const first = await claimDueEmails(db, T0, 10);
    expect(first.map((e) => e.id)).toEqual([a, c]);
    expect(first[0]).toMatchObject({ to: "person1@example.org", subject: "Subject 1", text: "Body 1", attempts: 1 });
    expect((await getEmail(db, a))!.next_attempt_at).toBe(at(LEASE_MS).toISOString());

    expect(await claimDueEmails(db, at(1000), 10)).toEqual([]);
    // b becomes due; a and c are still leased.
    expect((await claimDueEmails(db, at(60_000), 10)).map((e) => e.id)).toEqual([b]);
    // A lease that ends without an outcome (the worker died) makes the row due again.
    const again = await claimDueEmails(db, at(LEASE_MS), 10);
    expect(again.map((e) => [e.id, e.attempts])).toEqual([[a, 2], [c, 2]]);
  });

  it("respects the limit", async () => {
    const db = await memory();
    const ids = await enqueueMany(db, 5);
    expect((await claimDueEmails(db, T0, 2)).map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect((await claimDueEmails(db, T0, 0))).toEqual([]);
  });
});

describe("deliverDueEmails", () => {
  it("sends each row exactly once when two passes run at the same time, and not again on the next pass", async () => {
    const db = await memory();
    const ids = await enqueueMany(db, 6);
    const { transport, sent } = recordingTransport({ delayMs: 5 });

    const [one, two] = await Promise.all([deliverDueEmails(db, transport, T0), deliverDueEmails(db, transport, T0)]);
    expect(one.sent + two.sent).toBe(6);
    // Both passes did some of the work: they really ran interleaved.
    expect(one.sent).toBeGreaterThan(0);
    expect(two.sent).toBeGreaterThan(0);
    expect([...countById(sent)].sort((x, y) => x[0] - y[0])).toEqual(ids.map((id) => [id, 1]));

    const later = await deliverDueEmails(db, transport, at(LEASE_MS * 10));
    expect(later).toEqual({ attempted: 0, sent: 0, retrying: 0, failed: 0 });
    expect(sent).toHaveLength(6);
    const rows = await db.selectFrom("email_outbox").select(["status", "attempts", "sent_at"]).execute();
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.sent_at === T0.toISOString())).toBe(true);
  });

  it("sends each row exactly once when two workers on separate connections to one file run at the same time", async () => {
    const { db, file } = await freshDatabase({ seed: false });
    open.push(db);
    const other = openDatabase(file);
    open.push(other);
    const ids = await enqueueMany(db, 10);
    const { transport, sent } = recordingTransport({ delayMs: 2 });

    const results = await Promise.all([deliverDueEmails(db, transport, T0), deliverDueEmails(other, transport, T0)]);
    expect(results[0].sent + results[1].sent).toBe(10);
    expect([...countById(sent)].sort((x, y) => x[0] - y[0])).toEqual(ids.map((id) => [id, 1]));
    await deliverDueEmails(other, transport, at(LEASE_MS * 10));
    await deliverDueEmails(db, transport, at(LEASE_MS * 10));
    expect(sent).toHaveLength(10);
  });

  it("retries a failed send with growing back-off, then records it as sent", async () => {
    const db = await memory();
    const [id] = await enqueueMany(db, 1);
    const { transport, sent, calls } = recordingTransport({ fail: (n) => n <= 2 });
    vi.spyOn(console, "error").mockImplementation(() => {});

    expect(await deliverDueEmails(db, transport, T0)).toEqual({ attempted: 1, sent: 0, retrying: 1, failed: 0 });
    const first = (await getEmail(db, id))!;
    expect(first).toMatchObject({ status: "pending", attempts: 1, last_error: "mail server said no (1)", sent_at: null });
    const wait1 = Date.parse(first.next_attempt_at) - T0.getTime();
    expect(wait1).toBeGreaterThanOrEqual(30_000);
    expect(wait1).toBeLessThanOrEqual(33_000);

    // Not due yet: nothing happens.
    expect((await deliverDueEmails(db, transport, at(wait1 - 1))).attempted).toBe(0);

    const second = new Date(first.next_attempt_at);
    expect(await deliverDueEmails(db, transport, second)).toMatchObject({ attempted: 1, retrying: 1 });
    const afterSecond = (await getEmail(db, id))!;
    expect(afterSecond).toMatchObject({ status: "pending", attempts: 2, last_error: "mail server said no (2)" });
    const wait2 = Date.parse(afterSecond.next_attempt_at) - second.getTime();
    expect(wait2).toBeGreaterThanOrEqual(60_000);
    expect(wait2).toBeLessThanOrEqual(66_000);
    expect(wait2).toBeGreaterThan(wait1);

    const third = new Date(afterSecond.next_attempt_at);
    expect(await deliverDueEmails(db, transport, third)).toMatchObject({ attempted: 1, sent: 1 });
    expect(await getEmail(db, id)).toMatchObject({ status: "sent", attempts: 3, last_error: null, sent_at: third.toISOString() });
    expect(calls()).toBe(3);
    expect(sent.map((e) => e.id)).toEqual([id]);
    expect(console.error).toHaveBeenCalledTimes(2);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts with status 'failed' and keeps the last error`, async () => {
    const db = await memory();
    const [id, other] = await enqueueMany(db, 2);
    await db.updateTable("email_outbox").set({ next_attempt_at: at(365 * 24 * 3600_000).toISOString() }).where("id", "=", other).execute();
    const { transport, calls } = recordingTransport({ fail: () => true });
    vi.spyOn(console, "error").mockImplementation(() => {});

    let now = T0;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const counts = await deliverDueEmails(db, transport, now);
      const row = (await getEmail(db, id))!;
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(counts).toEqual({ attempted: 1, sent: 0, retrying: 1, failed: 0 });
        expect(row.status).toBe("pending");
        const next = new Date(row.next_attempt_at);
        waits.push(next.getTime() - now.getTime());
        now = next;
      } else {
        expect(counts).toEqual({ attempted: 1, sent: 0, retrying: 0, failed: 1 });
        expect(row).toMatchObject({ status: "failed", last_error: `mail server said no (${MAX_ATTEMPTS})`, sent_at: null });
      }
    }
    // 30 s, 1, 2, 4, 8, 16, 32 min, each with at most 10% jitter.
    waits.forEach((w, i) => {
      const base = Math.min(30_000 * 2 ** i, 3600_000);
      expect(w).toBeGreaterThanOrEqual(base);
      expect(w).toBeLessThanOrEqual(base * 1.1);
    });
    expect(await deliverDueEmails(db, transport, at(365 * 24 * 3600_000 - 1))).toMatchObject({ attempted: 0 });
    expect(calls()).toBe(MAX_ATTEMPTS);
    // The other row was never touched.
    expect(await getEmail(db, other)).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("caps the back-off at an hour", () => {
    expect([1, 2, 3, 7, 8, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it("gives up on a row whose last attempt never reported back, once its lease ends", async () => {
    const db = await memory();
    const [id] = await enqueueMany(db, 1);
    await db.updateTable("email_outbox").set({ attempts: MAX_ATTEMPTS - 1, last_error: "timeout" }).execute();
    // The last attempt is claimed and the process dies before it records anything.
    expect(await claimDueEmails(db, T0, 1)).toHaveLength(1);
    const { transport, calls } = recordingTransport();
    expect(await deliverDueEmails(db, transport, at(LEASE_MS - 1))).toMatchObject({ attempted: 0, failed: 0 });
    expect(await deliverDueEmails(db, transport, at(LEASE_MS))).toMatchObject({ attempted: 0, failed: 1 });
    expect(await getEmail(db, id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, last_error: "timeout / the last attempt did not finish" });
    expect(calls()).toBe(0);
  });

  it("ignores outcomes for rows that are no longer pending", async () => {
    const db = await memory();
    const [id] = await enqueueMany(db, 1);
    const { transport } = recordingTransport();
    await deliverDueEmails(db, transport, T0);
    expect(await markFailedAttempt(db, id, new Error("late"), T0)).toEqual({ status: "not_pending" });
    expect(await getEmail(db, id)).toMatchObject({ status: "sent", last_error: null });
  });
});

describe("the file transport", () => {
  it("writes each message as a readable .eml file named after the time and the outbox id", async () => {
    const db = await memory();
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-mail-")), "not-yet-created");
    const transport = createMailTransport({ mailDir: dir, from: "Practice bank <no-reply@practice-bank.invalid>" });
    expect(transport.kind).toBe("file");
    const id = await enqueueEmail(db, {
      to: "sam.patel@sussex.police.example",
      subject: "Your entry was published - Neighbourhood policing practice bank",
      text: "Hello Sam,\n\nOperation Quiet Streets was published.\n\nSee it in the practice bank: http://localhost:3000/practice/1\n",
    });
    const before = new Date();
    expect(await deliverDueEmails(db, transport)).toMatchObject({ sent: 1 });

    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    const match = /^(\d{8}T\d{6}\.\d{3}Z)-(\d+)\.eml$/.exec(files[0]);
    expect(match).not.toBeNull();
    expect(Number(match![2])).toBe(id);
    const stamp = match![1].replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})/, "$1-$2-$3T$4:$5:$6");
    expect(Date.parse(stamp)).toBeGreaterThanOrEqual(before.getTime());

    const raw = fs.readFileSync(path.join(dir, files[0]), "utf8");
    // RFC 5322: CRLF line ends, headers then a blank line then the body.
    expect(raw.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const [head, body] = [raw.slice(0, raw.indexOf("\r\n\r\n")), raw.slice(raw.indexOf("\r\n\r\n") + 4)];
    const headers = head.replace(/\r\n[ \t]+/g, " ").split("\r\n");
    expect(headers).toContain("To: sam.patel@sussex.police.example");
    expect(headers).toContain("Subject: Your entry was published - Neighbourhood policing practice bank");
    expect(headers).toContain("From: Practice bank <no-reply@practice-bank.invalid>");
    expect(headers).toContain("Auto-Submitted: auto-generated");
    expect(headers.some((h) => /^Message-ID: <outbox-\d+-\d+@practice-bank\.invalid>$/.test(h))).toBe(true);
    expect(headers.some((h) => /^Date: /.test(h))).toBe(true);
    expect(headers.some((h) => /^Content-Type: text\/plain; charset=utf-8$/i.test(h))).toBe(true);
    expect(body.replace(/\r\n/g, "\n")).toContain("Hello Sam,\n\nOperation Quiet Streets was published.\n\nSee it in the practice bank: http://localhost:3000/practice/1");
    // Only finished files are left behind.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("encodes a subject and body that are not plain ASCII", async () => {
    const db = await memory();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "practice-bank-mail-"));
    await enqueueEmail(db, { to: "zoë@example.org", subject: "Café talk – 15 June", text: "Zoë’s talk moved.\n" });
    await deliverDueEmails(db, createMailTransport({ mailDir: dir }));
    const raw = fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]), "utf8");
    expect(raw).toMatch(/^Subject: =\?UTF-8\?Q\?Caf=C3=A9_talk_=E2=80=93_15_June\?=\r$/m);
    expect(raw).not.toContain("Café");
    expect(raw).toMatch(/^Content-Transfer-Encoding: quoted-printable\r$/m);
    expect(raw).toContain("Zo=C3=AB=E2=80=99s talk moved.");
  });
});

describe("startMailWorker", () => {
  it("delivers on its own, never runs two passes at once, and stop() waits for the pass in progress", async () => {
    const db = await memory();
    const ids = await enqueueMany(db, 3);
    let active = 0;
    let maxActive = 0;
    const sent: number[] = [];
    const transport: MailTransport = {
      kind: "file",
      description: "memory",
      async send(email) {
        active++;
        maxActive = Math.max(maxActive, active);
        await sleep(30);
        sent.push(email.id);
        active--;
      },
      close: vi.fn(),
    };
    const worker = startMailWorker(db, { intervalMs: 5, transport });
    const deadline = Date.now() + 5000;
    while (sent.length < 3 && Date.now() < deadline) await sleep(10);
    await enqueueEmail(db, { to: "late@example.org", subject: "Late", text: "Late" });
    await sleep(20);
    await worker.stop();
    expect(maxActive).toBe(1);
    expect(sent.slice(0, 3)).toEqual(ids);
    expect(transport.close).toHaveBeenCalledOnce();
    // Every send that started also finished before stop() resolved.
    expect(active).toBe(0);
  });

  it("logs a failing pass instead of throwing, and keeps going", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = await memoryDatabase({ seed: false });
    await broken.destroy();
    const worker = startMailWorker(broken, { intervalMs: 5, transport: recordingTransport().transport });
    const deadline = Date.now() + 5000;
    while (errors.mock.calls.length < 2 && Date.now() < deadline) await sleep(10);
    await worker.stop();
    expect(errors.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(String(errors.mock.calls[0][0])).toContain("Mail worker: delivery pass failed");
  });
});
