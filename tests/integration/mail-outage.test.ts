import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { completeEntryForm } from "../support/entries";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { startSmtpPeer, type SmtpPeer } from "../support/smtp-peer";
import { addUser } from "../support/users";
import { newDraft } from "../support/autosave-loop";

// The mail server is down while people work: every change succeeds, the
// emails wait in the outbox, and they go out when the mail server is back
// (at the first retry, 30 seconds after the failed attempt).

let server: RunningServer | undefined;
let smtp: SmtpPeer | undefined;
afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

describe("with the mail server down", () => {
  it("every change still succeeds, and its emails are sent once the mail server is back", async () => {
    const { db, file } = await freshDatabase();
    await addUser(db, "lead@sussex.test", "force_lead", "sussex-police");
    await addUser(db, "reviewer@college.test", "reviewer");
    const tagId = (await db.selectFrom("tags").select("id").where("slug", "=", "youth").executeTakeFirstOrThrow()).id;
    await db.destroy();

    // A port where the mail server was, and is not any more.
    const gone = await startSmtpPeer();
    const port = gone.port;
    await gone.close();
    server = await startServer({ databasePath: file, env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_WORKER_INTERVAL_MS: "200" } });

    const lead = await server.signedIn("lead@sussex.test");
    const reviewer = await server.signedIn("reviewer@college.test");
    const entryId = await newDraft(lead);
    expect((await lead.post(`/submissions/${entryId}/edit`, { intent: "submit", version: "1", ...completeEntryForm(tagId) })).status).toBe(302);
    const { state_version } = await server.withDb((db) => db.selectFrom("practice_entries").select("state_version").where("id", "=", entryId).executeTakeFirstOrThrow());
    const published = await reviewer.post(`/review/${entryId}`, { intent: "publish", stateVersion: String(state_version), evidenceLabel: "worked", tagIds: [String(tagId)] });
    expect(published.status).toBe(302);
    expect((await fetch(`${server.url}/practice/operation-quiet-streets`)).status).toBe(200);

    const outbox = () => server!.withDb((db) => db.selectFrom("email_outbox").select(["id", "status", "attempts", "last_error", "to_address", "subject"]).orderBy("id").execute());
    // Both emails were tried, failed, and wait for their retry.
    for (let i = 0; i < 100 && (await outbox()).some((r) => r.last_error === null); i++) await sleep(100);
    const waiting = await outbox();
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    for (const row of waiting) expect(row).toMatchObject({ status: "pending", attempts: 1, last_error: expect.stringMatching(/ECONNREFUSED|connect/i) });
    expect(server.output()).toMatch(/attempt 1 failed \(will retry\)/);

    smtp = await startSmtpPeer({ port });
    for (let i = 0; i < 600 && (await outbox()).some((r) => r.status !== "sent"); i++) await sleep(100);
    const sent = await outbox();
    expect(sent.map((r) => r.status)).toEqual(sent.map(() => "sent"));
    expect(smtp.received.map((m) => m.rcptTo[0]).sort()).toEqual(sent.map((r) => r.to_address).sort());
    expect(sent.map((r) => r.to_address)).toEqual(expect.arrayContaining(["lead@sussex.test", "reviewer@college.test"]));
  }, 90_000);
});
