import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment, assignEntry, type ActingUser } from "../../app/models/entry-workflow.server";
import { createDraftEntry } from "../../app/models/practice.server";
import { pageText } from "../support/client";
import { freshDatabase } from "../support/database";
import { completeEntryForm } from "../support/entries";
import { startServer, type RunningServer } from "../support/server";
import { actingUser, entryRow, move, publishedEntry, submittedEntry, tagIdOf } from "./lead-fixtures";

let server: RunningServer;
let lead: ActingUser;
let reviewer: ActingUser;
let tagId: number;

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  lead = await actingUser(db, "sam.patel@sussex.test", "force_lead", "sussex-police");
  await actingUser(db, "colleague@sussex.test", "force_lead", "sussex-police");
  await actingUser(db, "lead@hampshire.test", "force_lead", "hampshire-and-isle-of-wight-constabulary");
  reviewer = await actingUser(db, "priya.shah@college.test", "reviewer");
  tagId = await tagIdOf(db, "youth");
  await db.destroy();
  server = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

const overviewPath = (id: number) => `/submissions/${id}`;
// Remix sends an index route's forms to "?index".
const actionPath = (id: number) => `/submissions/${id}?index`;

describe("a lead's entry overview", () => {
  it("shows the reviewer's message, comments by section and the timeline when changes are requested", async () => {
    const id = await server.withDb(async (db) => {
      const entryId = await submittedEntry(db, lead, tagId, { title: "Park patrols" });
      await addComment(db, entryId, reviewer, "Give the baseline figures for 2024.", "problem");
      await addComment(db, entryId, reviewer, "Say who paid for the youth club.", "cost");
      await addComment(db, entryId, reviewer, "A strong entry overall.", null);
      await move(db, entryId, "request_changes", reviewer, { reason: "Please add the before and after figures." });
      return entryId;
    });
    const client = await server.signedIn("sam.patel@sussex.test");
    const res = await client.get(overviewPath(id));
    expect(res.status).toBe(200);
    const html = await pageText(res);
    expect(html).toContain("Changes requested</strong>");
    expect(html).toMatch(/data-testid="reviewer-decision"[\s\S]*priya\.shah asked for changes on \d{1,2} [A-Z][a-z]+ \d{4} at [\d:]+(am|pm)[\s\S]*Please add the before and after figures\./);
    // Comments under the section they are about, in the form's order.
    const comments = html.slice(html.indexOf('id="comments-heading"'));
    const order = ["The whole entry", "A strong entry overall.", "The problem", "Give the baseline figures for 2024.", "Cost", "Say who paid for the youth club."];
    const positions = order.map((text) => comments.indexOf(text));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Newest first, in UK time, with the messages.
    const history = html.slice(html.indexOf('id="history-heading"'));
    expect(history).toMatch(/Changes requested by priya\.shah<\/strong>, <time dateTime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4} at [\d:]+(am|pm)<\/time>/);
    expect(history.indexOf("Changes requested by priya.shah")).toBeLessThan(history.indexOf("Submitted by sam.patel"));
    expect(history).toContain("Comment from priya.shah");
    expect(history).toContain("Started by sam.patel");
    expect(html).toContain(`href="/submissions/${id}/edit"`);
    expect(html).toContain("Continue editing");
    expect(html).not.toContain("Withdraw from review</button>");
  });

  it("says why an entry was not accepted, and offers no way to edit it", async () => {
    const id = await server.withDb(async (db) => {
      const entryId = await submittedEntry(db, lead, tagId, { title: "Rejected idea" });
      await move(db, entryId, "reject", reviewer, { reason: "This is not neighbourhood policing practice." });
      return entryId;
    });
    const html = await pageText(await (await server.signedIn("sam.patel@sussex.test")).get(overviewPath(id)));
    expect(html).toContain("Rejected</strong>");
    expect(html).toContain("priya.shah did not accept this entry");
    expect(html).toContain("This is not neighbourhood policing practice.");
    expect(html).not.toContain("Continue editing");
    expect(html).not.toContain("Update this entry</button>");
  });

  it("lets a lead withdraw an entry in review, edit it again and resubmit it", async () => {
    const id = await server.withDb((db) => submittedEntry(db, lead, tagId, { title: "Withdraw me" }));
    const client = await server.signedIn("sam.patel@sussex.test");
    let html = await pageText(await client.get(overviewPath(id)));
    expect(html).toContain("In review</strong>");
    expect(html).toContain("Withdraw from review</button>");
    expect(html).toContain("govuk-warning-text");
    expect(html).not.toContain("Continue editing");
    const version = /name="stateVersion" value="(\d+)"/.exec(html)![1];

    const res = await client.post(actionPath(id), { intent: "withdraw", stateVersion: version });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/submissions/${id}?done=withdrawn`);
    const row = await server.withDb((db) => entryRow(db, id));
    expect(row.status).toBe("withdrawn");
    html = await pageText(await client.get(res.headers.get("location")!));
    expect(html).toContain("This entry has been withdrawn from review");
    expect(html).toContain("Withdrawn</strong>");
    expect(html).toContain("Continue editing");
    expect(html).toContain("Withdrawn from review by sam.patel");

    // The same button pressed again on the old page: refused, and said so.
    const again = await client.post(actionPath(id), { intent: "withdraw", stateVersion: version });
    expect(again.status).toBe(409);
    const againHtml = await pageText(again);
    expect(againHtml).toContain("There is a problem");
    expect(againHtml).toContain("This entry is withdrawn, so it cannot be moved that way.");

    const edit = await client.get(`/submissions/${id}/edit`);
    expect(edit.status).toBe(200);
    const resubmit = await client.post(`/submissions/${id}/edit`, {
      intent: "submit", version: String(row.version), ...completeEntryForm(tagId, { title: "Withdraw me, revised" }),
    });
    expect(resubmit.status).toBe(302);
    expect(resubmit.headers.get("location")).toBe(`/submissions/${id}?submitted=1`);
    expect(await server.withDb((db) => entryRow(db, id))).toMatchObject({ status: "in_review", title: "Withdraw me, revised" });
  });

  it("refuses a move from a page that is out of date, with a GOV.UK error", async () => {
    const id = await server.withDb((db) => submittedEntry(db, lead, tagId, { title: "Stale page" }));
    const client = await server.signedIn("sam.patel@sussex.test");
    const { state_version } = await server.withDb((db) => entryRow(db, id));
    const stale = await client.post(actionPath(id), { intent: "withdraw", stateVersion: String(state_version - 1) });
    expect(stale.status).toBe(409);
    const html = await pageText(stale);
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain("Someone else acted on this entry while you had it open.");
    expect((await server.withDb((db) => entryRow(db, id))).status).toBe("in_review");

    const malformed: Record<string, string>[] = [{ intent: "withdraw" }, { intent: "withdraw", stateVersion: "abc" }, { intent: "publish", stateVersion: String(state_version) }, {}];
    for (const form of malformed) {
      const res = await client.post(actionPath(id), form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(await pageText(res)).toContain("There is a problem");
    }
    // A move that is not the lead's to make from here.
    const draftId = await server.withDb((db) => createDraftEntry(db, { id: lead.id, organisationId: lead.organisationId! }));
    const fromDraft = await client.post(actionPath(draftId), { intent: "withdraw", stateVersion: "0" });
    expect(fromDraft.status).toBe(409);
    expect(await pageText(fromDraft)).toContain("This entry is draft, so it cannot be moved that way.");
    expect((await server.withDb((db) => entryRow(db, id))).status).toBe("in_review");
  });

  it("is a 404 for a lead from another force, for the page and every action; reviewers are refused", async () => {
    const id = await server.withDb((db) => submittedEntry(db, lead, tagId, { title: "Sussex only" }));
    const { state_version } = await server.withDb((db) => entryRow(db, id));
    const other = await server.signedIn("lead@hampshire.test");
    expect((await other.get(overviewPath(id))).status).toBe(404);
    expect((await other.get(`${overviewPath(id)}.data`)).status).toBe(404);
    const moves: Record<string, string>[] = [
      { intent: "withdraw", stateVersion: String(state_version) },
      { intent: "start_update", stateVersion: String(state_version) },
      { intent: "comment", body: "Hello from Hampshire" },
    ];
    for (const form of moves) {
      expect((await other.post(actionPath(id), form)).status, form.intent).toBe(404);
    }
    expect(await server.withDb((db) => entryRow(db, id))).toMatchObject({ status: "in_review", state_version });
    const comments = await server.withDb((db) => db.selectFrom("review_comments").select("id").where("entry_id", "=", id).execute());
    expect(comments).toEqual([]);
    const reviewerClient = await server.signedIn("priya.shah@college.test");
    expect((await reviewerClient.get(overviewPath(id))).status).toBe(403);
    expect((await reviewerClient.post(actionPath(id), { intent: "withdraw", stateVersion: String(state_version) })).status).toBe(403);
    // A colleague in the same force may act.
    const colleague = await server.signedIn("colleague@sussex.test");
    expect((await colleague.post(actionPath(id), { intent: "withdraw", stateVersion: String(state_version) })).status).toBe(302);
  });

  it("lets a lead reply with a comment, which the assigned reviewer hears about", async () => {
    const id = await server.withDb(async (db) => {
      const entryId = await submittedEntry(db, lead, tagId, { title: "Comment thread" });
      await assignEntry(db, entryId, reviewer, reviewer.id);
      return entryId;
    });
    const client = await server.signedIn("sam.patel@sussex.test");
    const empty = await client.post(actionPath(id), { intent: "comment", body: "   " });
    expect(empty.status).toBe(400);
    const emptyHtml = await pageText(empty);
    expect(emptyHtml).toContain('href="#body"');
    expect(emptyHtml).toContain("Enter your comment");

    const res = await client.post(actionPath(id), { intent: "comment", body: "The figures are in the results section now." });
    expect(res.status).toBe(302);
    const html = await pageText(await client.get(res.headers.get("location")!));
    expect(html).toContain("Your comment has been added.");
    expect(html).toContain("The figures are in the results section now.");
    expect(html).toContain("sam.patel (force lead)");
    const notes = await server.withDb((db) => db.selectFrom("notifications").select(["user_id", "kind", "url"]).where("kind", "=", "comment").execute());
    expect(notes).toContainEqual({ user_id: reviewer.id, kind: "comment", url: `/review/${id}` });
  });

  it("lets a lead start an update to a published entry, explaining the published version stays live", async () => {
    const { entryId: id, slug } = await server.withDb((db) => publishedEntry(db, lead, reviewer, tagId, { title: "Live entry" }));
    const client = await server.signedIn("sam.patel@sussex.test");
    let html = await pageText(await client.get(overviewPath(id)));
    expect(html).toContain("Published</strong>");
    expect(html).toContain("Update this entry</button>");
    expect(html).toContain("The published version stays live until the practice team publishes your update.");
    expect(html).toContain(`href="/practice/${slug}"`);
    expect(html).not.toContain("Continue editing");
    const version = /name="stateVersion" value="(\d+)"/.exec(html)![1];
    const res = await client.post(actionPath(id), { intent: "start_update", stateVersion: version });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/submissions/${id}/edit`);
    const row = await server.withDb((db) => entryRow(db, id));
    expect(row.status).toBe("draft");
    expect(row.working_revision_id).not.toBe(row.published_revision_id);
    html = await pageText(await client.get(overviewPath(id)));
    expect(html).toContain("Draft</strong>");
    expect(html).toContain("This is an update to a published entry.");
    expect(html).toContain("Update started by sam.patel");
    expect(html).toContain("Continue editing");
  });
});
