import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftEntry } from "../../app/models/practice.server";
import { pageText } from "../support/client";
import { actingUserByEmail, submittedEntry, tagIdOf } from "../support/entry-fixtures";
import { startServer, type RunningServer } from "../support/server";
import { addUser } from "../support/users";

// Deleting a draft over HTTP: only a never-submitted draft of the lead's own
// organisation, only by POST after the confirmation page, and what was typed goes.

let server: RunningServer;
let draftId: number;
let submittedId: number;

beforeAll(async () => {
  server = await startServer({ env: { MAIL_WORKER: "off" } });
  await server.withDb(async (db) => {
    await addUser(db, "lead@sussex.test", "force_lead", "sussex-police");
    await addUser(db, "lead@kent.test", "force_lead", "kent-police");
    const lead = await actingUserByEmail(db, "lead@sussex.test");
    draftId = await createDraftEntry(db, { id: lead.id, organisationId: lead.organisationId! });
    submittedId = await submittedEntry(db, lead, await tagIdOf(db, "youth"), { title: "Sent already" });
  });
});
afterAll(async () => server?.stop());

describe("deleting a draft", () => {
  it("asks first, and another force's lead finds nothing to delete", async () => {
    const kent = await server.signedIn("lead@kent.test");
    expect((await kent.get(`/submissions/${draftId}/delete`)).status).toBe(404);
    expect((await kent.post(`/submissions/${draftId}/delete`, {})).status).toBe(404);
    const lead = await server.signedIn("lead@sussex.test");
    const page = await lead.get(`/submissions/${draftId}/delete`);
    expect(page.status).toBe(200);
    expect(await pageText(page)).toContain("Are you sure you want to delete this untitled draft?");
    expect(await server.withDb((db) => db.selectFrom("practice_entries").select("id").where("id", "=", draftId).executeTakeFirst())).toBeDefined();
  });

  it("refuses an entry that was submitted", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    expect((await lead.get(`/submissions/${submittedId}/delete`)).status).toBe(409);
    const res = await lead.post(`/submissions/${submittedId}/delete`, {});
    expect(res.status).toBe(409);
    expect(await pageText(res)).toContain("cannot be deleted");
  });

  it("deletes the draft: gone from the list and every page, its text emptied", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const res = await lead.post(`/submissions/${draftId}/delete`, {});
    expect(res.status, server.output()).toBe(302);
    expect(res.headers.get("location")).toBe("/submissions?deleted=1");
    expect(await pageText(await lead.get("/submissions?deleted=1"))).toContain("The draft has been deleted.");
    const left = await server.withDb(async (db) => ({
      entry: await db.selectFrom("practice_entries").select("deleted_at").where("id", "=", draftId).executeTakeFirstOrThrow(),
      texts: await db.selectFrom("practice_revisions").select(["title", "body_text"]).where("entry_id", "=", draftId).execute(),
      events: await db.selectFrom("workflow_events").select("action").where("entry_id", "=", draftId).orderBy("id").execute(),
    }));
    // Marked, emptied and recorded: the history is append-only.
    expect(left.entry.deleted_at).not.toBeNull();
    expect(left.texts).toEqual([{ title: "", body_text: "" }]);
    expect(left.events.map((e) => e.action)).toEqual(["create", "delete"]);
    expect(await pageText(await lead.get("/submissions"))).not.toContain(`/submissions/${draftId}"`);
    expect((await lead.post(`/submissions/${draftId}/edit`, { intent: "save", version: "1", title: "Back again" })).status).toBe(404);
    expect((await lead.get(`/submissions/${draftId}`)).status).toBe(404);
  });
});
