import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActingUser } from "../../app/models/entry-workflow.server";
import { pageText } from "../support/client";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { actingUser, entryRow, move, publishedEntry, submittedEntry, tagIdOf } from "./lead-fixtures";

// Taking an entry and commenting on it, over HTTP: two reviewers claiming at
// once, and both refused once the review is over.

let server: RunningServer;
let lead: ActingUser;
const races: number[] = [];
const E: Record<string, number> = {};

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  lead = await actingUser(db, "lead@sussex.test", "force_lead", "sussex-police");
  const reviewer = await actingUser(db, "ann@college.test", "reviewer");
  await actingUser(db, "bob@college.test", "reviewer");
  const tagId = await tagIdOf(db, "youth");
  for (let i = 0; i < 6; i++) races.push(await submittedEntry(db, lead, tagId, { title: `Race ${i}` }));
  E.published = (await publishedEntry(db, lead, reviewer, tagId, { title: "Already published" })).entryId;
  E.rejected = await submittedEntry(db, lead, tagId, { title: "Not accepted" });
  await move(db, E.rejected, "reject", reviewer, { reason: "Out of scope." });
  E.withdrawn = await submittedEntry(db, lead, tagId, { title: "Taken back" });
  await move(db, E.withdrawn, "withdraw", lead);
  await db.destroy();
  server = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

async function claimEvents(entryId: number) {
  return server.withDb((db) => db.selectFrom("workflow_events").select("reason").where("entry_id", "=", entryId).where("action", "=", "assign").execute());
}

describe("two reviewers taking the same entry at once", () => {
  it("gives it to exactly one of them, and tells the other who has it (409)", async () => {
    const [ann, bob] = await Promise.all([server.signedIn("ann@college.test"), server.signedIn("bob@college.test")]);
    // Half from the queue's "Take it", half from the review page's button.
    const results = await Promise.all(
      races.map(async (id, i) => {
        const path = i % 2 ? `/review/${id}` : "/review?index";
        const form: Record<string, string> = i % 2 ? { intent: "claim" } : { intent: "claim", entryId: String(id) };
        const [a, b] = await Promise.all([ann.post(path, form), bob.post(path, form)]);
        return { id, a, b };
      }),
    );
    for (const { id, a, b } of results) {
      expect([a.status, b.status].sort(), `entry ${id}`).toEqual([302, 409]);
      const [winner, loser] = a.status === 302 ? ["ann", b] : ["bob", a];
      const html = await pageText(loser);
      expect(html).toContain("There is a problem");
      expect(html).toContain(`${winner} has already taken this entry.`);
      const { assigned_reviewer_id } = await server.withDb((db) =>
        db.selectFrom("practice_entries").select("assigned_reviewer_id").where("id", "=", id).executeTakeFirstOrThrow(),
      );
      const winnerId = await server.withDb(async (db) => (await db.selectFrom("users").select("id").where("email", "=", `${winner}@college.test`).executeTakeFirstOrThrow()).id);
      expect(assigned_reviewer_id).toBe(winnerId);
      expect(await claimEvents(id)).toEqual([{ reason: `${winner} took this entry` }]);
    }
  });
});

describe("once the review is over", () => {
  it("refuses taking, assigning and commenting with a 409 that says why, storing nothing", async () => {
    const ann = await server.signedIn("ann@college.test");
    const bobId = await server.withDb(async (db) => (await db.selectFrom("users").select("id").where("email", "=", "bob@college.test").executeTakeFirstOrThrow()).id);
    for (const [key, state] of [["published", "published"], ["rejected", "rejected"]] as const) {
      const id = E[key];
      const page = await pageText(await ann.get(`/review/${id}`));
      expect(page).toContain(`Comments are closed: the entry is ${state}.`);
      expect(page).not.toContain("Who is reviewing this");
      for (const form of [{ intent: "claim" }, { intent: "assign", reviewerId: String(bobId) }] as Record<string, string>[]) {
        const res = await ann.post(`/review/${id}`, form);
        expect(res.status, `${form.intent} on ${key}`).toBe(409);
        expect(await pageText(res)).toContain(`This entry is ${state}, so it can no longer be assigned.`);
      }
      const queued = await ann.post("/review?index", { intent: "claim", entryId: String(id) });
      expect(queued.status).toBe(409);
      const comment = await ann.post(`/review/${id}`, { intent: "comment", comment: "Too late?" });
      expect(comment.status).toBe(409);
      expect(await pageText(comment)).toContain(`This entry is ${state}, so comments are closed.`);
    }

    const leadClient = await server.signedIn("lead@sussex.test");
    const overview = await pageText(await leadClient.get(`/submissions/${E.withdrawn}`));
    expect(overview).not.toContain("Add a comment for the practice team");
    const reply = await leadClient.post(`/submissions/${E.withdrawn}?index`, { intent: "comment", body: "Still there?" });
    expect(reply.status).toBe(409);
    expect(await pageText(reply)).toContain("This entry is withdrawn, so comments are closed.");

    const stored = await server.withDb((db) =>
      db.selectFrom("review_comments").select("id").where("entry_id", "in", [E.published, E.rejected, E.withdrawn]).execute(),
    );
    expect(stored).toEqual([]);
    const rows = await server.withDb((db) => Promise.all([E.published, E.rejected].map((id) => entryRow(db, id))));
    expect(rows.map((r) => r.status)).toEqual(["published", "rejected"]);
    const assigned = await server.withDb((db) =>
      db.selectFrom("practice_entries").select("assigned_reviewer_id").where("id", "in", [E.published, E.rejected]).execute(),
    );
    expect(assigned.map((a) => a.assigned_reviewer_id)).toEqual([null, null]);
  });
});
