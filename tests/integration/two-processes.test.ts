import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftEntry } from "../../app/models/practice.server";
import type { Client } from "../support/client";
import { freshDatabase } from "../support/database";
import { completeEntryForm } from "../support/entries";
import { startServer, type RunningServer } from "../support/server";
import { actingUser, entryRow, submittedEntry, tagIdOf } from "./lead-fixtures";

// Two server processes on one database file, each with its own connection,
// answering at the same moment: the races of "two at once" really happen.
// Each contested write has exactly one winner; every other answer is a 409
// that says why; none is a 500, and SQLite never reports itself busy.

let a: RunningServer;
let b: RunningServer;
let tagId: number;
const drafts: number[] = [];
const submitDrafts: number[] = [];
const claims: number[] = [];
const decisions: number[] = [];

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  const lead = await actingUser(db, "lead@sussex.test", "force_lead", "sussex-police");
  await actingUser(db, "colleague@sussex.test", "force_lead", "sussex-police");
  await actingUser(db, "ann@college.test", "reviewer");
  await actingUser(db, "bob@college.test", "reviewer");
  tagId = await tagIdOf(db, "youth");
  for (let i = 0; i < 8; i++) drafts.push(await createDraftEntry(db, { id: lead.id, organisationId: lead.organisationId! }));
  for (let i = 0; i < 4; i++) submitDrafts.push(await createDraftEntry(db, { id: lead.id, organisationId: lead.organisationId! }));
  for (let i = 0; i < 6; i++) claims.push(await submittedEntry(db, lead, tagId, { title: `Claim race ${i}` }));
  for (let i = 0; i < 6; i++) decisions.push(await submittedEntry(db, lead, tagId, { title: `Decision race ${i}` }));
  await db.destroy();
  a = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
  b = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
}, 120_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

async function version(entryId: number) {
  return String((await a.withDb((db) => entryRow(db, entryId))).version);
}

async function stateVersion(entryId: number) {
  return String((await a.withDb((db) => entryRow(db, entryId))).state_version);
}

function expectNoBusyErrors() {
  for (const server of [a, b]) {
    expect(server.output()).not.toMatch(/SQLITE_BUSY|database is locked/);
    expect(server.output()).not.toMatch(/"res":\{"status":5\d\d\}/);
  }
}

/** Fires every pair at the same moment and returns their statuses, each pair sorted. */
async function race(pairs: Array<[() => Promise<Response>, () => Promise<Response>]>) {
  return Promise.all(pairs.map(async ([left, right]) => (await Promise.all([left(), right()])).map((r) => r.status).sort()));
}

describe("two processes writing the same rows at once", () => {
  let leadA: Client;
  let colleagueB: Client;
  let annA: Client;
  let bobB: Client;

  beforeAll(async () => {
    [leadA, colleagueB, annA, bobB] = await Promise.all([
      a.signedIn("lead@sussex.test"),
      b.signedIn("colleague@sussex.test"),
      a.signedIn("ann@college.test"),
      b.signedIn("bob@college.test"),
    ]);
  });

  it("saves one of two autosaves made from the same version, and tells the other there is a conflict", async () => {
    const versions = await Promise.all(drafts.map(version));
    const results = await race(
      drafts.map((id, i) => [
        () => leadA.post(`/submissions/${id}/autosave`, { version: versions[i], richTextFormat: "text", title: `Lead's title ${i}` }),
        () => colleagueB.post(`/submissions/${id}/autosave`, { version: versions[i], richTextFormat: "text", title: `Colleague's title ${i}` }),
      ]),
    );
    for (const statuses of results) expect(statuses).toEqual([200, 409]);
    for (const id of drafts) expect(Number(await version(id))).toBe(Number(versions[0]) + 1);
    expectNoBusyErrors();
  });

  it("sends one of two submissions of the same version for review", async () => {
    const versions = await Promise.all(submitDrafts.map(version));
    const form = (i: number) => ({ intent: "submit", version: versions[i], ...completeEntryForm(tagId, { title: `Submitted twice ${i}` }) });
    const results = await race(
      submitDrafts.map((id, i) => [() => leadA.post(`/submissions/${id}/edit`, form(i)), () => colleagueB.post(`/submissions/${id}/edit`, form(i))]),
    );
    for (const statuses of results) expect(statuses).toEqual([302, 409]);
    const states = await a.withDb((db) => Promise.all(submitDrafts.map((id) => entryRow(db, id))));
    expect(states.map((s) => s.status)).toEqual(submitDrafts.map(() => "in_review"));
    const submitted = await a.withDb((db) =>
      db.selectFrom("workflow_events").select("entry_id").where("action", "=", "submit").where("entry_id", "in", submitDrafts).execute(),
    );
    expect(submitted).toHaveLength(submitDrafts.length);
    expectNoBusyErrors();
  });

  it("gives an entry to one of two reviewers taking it at once", async () => {
    const results = await race(
      claims.map((id) => [() => annA.post(`/review/${id}`, { intent: "claim" }), () => bobB.post(`/review/${id}`, { intent: "claim" })]),
    );
    for (const statuses of results) expect(statuses).toEqual([302, 409]);
    const assigns = await a.withDb((db) =>
      db.selectFrom("workflow_events").select("entry_id").where("action", "=", "assign").where("entry_id", "in", claims).execute(),
    );
    expect(assigns).toHaveLength(claims.length);
    expectNoBusyErrors();
  });

  it("takes one of a publish and a reject made at once, never both", async () => {
    const versions = await Promise.all(decisions.map(stateVersion));
    const results = await race(
      decisions.map((id, i) => [
        () => annA.post(`/review/${id}`, { intent: "publish", stateVersion: versions[i], evidenceLabel: "promising", tagIds: [String(tagId)] }),
        () => bobB.post(`/review/${id}`, { intent: "reject", stateVersion: versions[i], rejectReason: "Not policing practice." }),
      ]),
    );
    for (const statuses of results) expect(statuses).toEqual([302, 409]);
    const rows = await a.withDb((db) => Promise.all(decisions.map((id) => entryRow(db, id))));
    for (const row of rows) expect(["published", "rejected"]).toContain(row.status);
    const decided = await a.withDb((db) =>
      db.selectFrom("workflow_events").select("entry_id").where("action", "in", ["publish", "reject"]).where("entry_id", "in", decisions).execute(),
    );
    expect(decided).toHaveLength(decisions.length);
    expectNoBusyErrors();
  });

  it("answers a burst of writes and reads spread over both processes with no 500", async () => {
    const statuses: number[] = [];
    await Promise.all(
      drafts.flatMap((id, i) =>
        [leadA, colleagueB].map(async (client, side) => {
          for (let n = 0; n < 5; n++) {
            const current = await version(id);
            const save = await client.post(`/submissions/${id}/autosave`, { version: current, richTextFormat: "text", title: `Burst ${i}.${side}.${n}` });
            const read = await client.get(`/submissions/${id}/edit`);
            statuses.push(save.status, read.status);
          }
        }),
      ),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(drafts.length);
    expect(new Set(statuses.filter((s) => s !== 200))).toEqual(new Set(statuses.includes(409) ? [409] : []));
    expectNoBusyErrors();
  });
});
