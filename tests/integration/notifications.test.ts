import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignEntry, type ActingUser } from "../../app/models/entry-workflow.server";
import type { DB } from "../../db/connection";
import { Client, pageText } from "../support/client";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { actingUser, move, submittedEntry, tagIdOf } from "./lead-fixtures";

let server: RunningServer;
let lead: ActingUser;
let reviewer: ActingUser;
let otherReviewer: ActingUser;
let tagId: number;

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  lead = await actingUser(db, "lead@sussex.test", "force_lead", "sussex-police");
  await actingUser(db, "lead@hampshire.test", "force_lead", "hampshire-and-isle-of-wight-constabulary");
  reviewer = await actingUser(db, "reviewer@college.test", "reviewer");
  otherReviewer = await actingUser(db, "second.reviewer@college.test", "reviewer");
  tagId = await tagIdOf(db, "youth");
  await db.destroy();
  server = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

function unreadIds(db: DB, userId: number) {
  return db
    .selectFrom("notifications")
    .select(["id", "kind", "url"])
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .orderBy("id")
    .execute();
}

describe("notifications", () => {
  it("tell a lead that changes were requested, with the unread count in the header, until read", async () => {
    const entryId = await server.withDb(async (db) => {
      const id = await submittedEntry(db, lead, tagId, { title: "Street briefings" });
      await move(db, id, "request_changes", reviewer, { reason: "Add the dates of each briefing." });
      return id;
    });
    const client = await server.signedIn("lead@sussex.test");
    let html = await pageText(await client.get("/notifications"));
    expect(html).toContain("<h1 class=\"govuk-heading-xl\">Notifications</h1>");
    // Newest first: the request for changes, then their own submission.
    const changes = html.indexOf("Changes requested to &quot;Street briefings&quot;");
    const submitted = html.indexOf("&quot;Street briefings&quot; was submitted for review");
    expect(changes).toBeGreaterThan(0);
    expect(submitted).toBeGreaterThan(changes);
    expect(html).toContain("Add the dates of each briefing.");
    expect(html.match(/>New<\/strong>/g)).toHaveLength(2);
    // On this page the link is the current one, so its text is inside <strong>.
    expect(html).toMatch(/href="\/notifications"><strong class="govuk-service-navigation__active-fallback">Notifications \(2 unread\)<\/strong><\/a>/);
    expect(html).toContain("You have 2 unread notifications.");

    // Reading the page changed nothing.
    expect(await server.withDb((db) => unreadIds(db, lead.id))).toHaveLength(2);
    // The header shows the count on every page.
    expect(await pageText(await client.get("/search"))).toContain('href="/notifications">Notifications (2 unread)</a>');

    // Opening one marks it read and goes to the entry.
    const [first] = await server.withDb((db) => unreadIds(db, lead.id));
    const changesNote = (await server.withDb((db) => unreadIds(db, lead.id))).find((n) => n.kind === "changes_requested")!;
    const opened = await client.post("/notifications", { intent: "open", id: String(changesNote.id) });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(`/submissions/${entryId}`);
    expect((await server.withDb((db) => unreadIds(db, lead.id))).map((n) => n.id)).toEqual([first.id]);
    html = await pageText(await client.get("/notifications"));
    expect(html).toContain("Notifications (1 unread)");
    expect(html).toContain(`<a class="govuk-link" data-discover="true" href="/submissions/${entryId}">Changes requested to &quot;Street briefings&quot;</a>`);

    const all = await client.post("/notifications", { intent: "read_all" });
    expect(all.status).toBe(302);
    expect(all.headers.get("location")).toBe("/notifications?done=read");
    html = await pageText(await client.get("/notifications?done=read"));
    expect(html).toContain("All your notifications are marked as read.");
    expect(html).toContain(">Notifications</strong></a>");
    expect(html).not.toContain("unread)");
    expect(html).not.toContain(">New</strong>");
    expect(await server.withDb((db) => unreadIds(db, lead.id))).toEqual([]);
  });

  it("tell reviewers about new submissions and assignments", async () => {
    const entryId = await server.withDb(async (db) => {
      const id = await submittedEntry(db, lead, tagId, { title: "Knife crime surgery" });
      await assignEntry(db, id, reviewer, otherReviewer.id);
      return id;
    });
    const html = await pageText(await (await server.signedIn("second.reviewer@college.test")).get("/notifications"));
    expect(html).toContain("New submission: &quot;Knife crime surgery&quot;");
    expect(html).toContain("&quot;Knife crime surgery&quot; was assigned to you");
    expect(html).toContain("reviewer assigned it to you.");
    const notes = await server.withDb((db) => unreadIds(db, otherReviewer.id));
    expect(notes.filter((n) => n.url === `/review/${entryId}`).map((n) => n.kind).sort()).toEqual(["assigned", "new_submission"]);
  });

  it("cannot be marked read by anyone else: other people's ids are ignored", async () => {
    await server.withDb((db) => submittedEntry(db, lead, tagId, { title: "Drone patrols" }));
    const before = await server.withDb((db) => unreadIds(db, lead.id));
    expect(before.length).toBeGreaterThan(0);
    const other = await server.signedIn("lead@hampshire.test");
    for (const note of before) {
      const res = await other.post("/notifications", { intent: "open", id: String(note.id) });
      expect(res.status).toBe(302);
      // Not sent on to the other person's entry either.
      expect(res.headers.get("location")).toBe("/notifications");
      expect((await other.post("/notifications", { intent: "read", id: String(note.id) })).status).toBe(302);
    }
    expect((await other.post("/notifications", { intent: "read_all" })).status).toBe(302);
    expect(await server.withDb((db) => unreadIds(db, lead.id))).toEqual(before);
    expect(await pageText(await other.get("/notifications"))).not.toContain("Drone patrols");
  });

  it("need a signed-in person, and refuse a malformed request with a 400", async () => {
    const anonymous = await fetch(`${server.url}/notifications`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/login?redirectTo=%2Fnotifications");
    const client = new Client(server.url);
    expect((await client.post("/notifications", { intent: "read_all" })).status).toBe(302);
    const signed = await server.signedIn("lead@sussex.test");
    for (const form of [{ intent: "open" }, { intent: "open", id: "x" }, { intent: "delete", id: "1" }, {}] as Record<string, string>[]) {
      const res = await signed.post("/notifications", form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(await pageText(res)).toContain("There is a problem");
    }
  });
});
