import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { Client } from "../support/client";
import { freshDatabase } from "../support/database";
import { completeEntryForm } from "../support/entries";
import { startServer, type RunningServer } from "../support/server";
import { addUser } from "../support/users";

let server: RunningServer;
let tagId: number;

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  await addUser(db, "lead@sussex.test", "force_lead", "sussex-police");
  await addUser(db, "colleague@sussex.test", "force_lead", "sussex-police");
  await addUser(db, "lead@hampshire.test", "force_lead", "hampshire-and-isle-of-wight-constabulary");
  await addUser(db, "reviewer@college.test", "reviewer");
  tagId = (await db.selectFrom("tags").select("id").where("slug", "=", "youth").executeTakeFirstOrThrow()).id;
  await db.destroy();
  server = await startServer({ databasePath: file });
});
afterAll(async () => server?.stop());

async function newEntry(client: Client) {
  const res = await client.post("/submissions/new", {});
  expect(res.status).toBe(302);
  const location = res.headers.get("location")!;
  const id = Number(/\/submissions\/(\d+)\/edit/.exec(location)![1]);
  return id;
}

async function revision(id: number) {
  const db = openDatabase(server.databasePath);
  const row = await db
    .selectFrom("practice_entries")
    .innerJoin("practice_revisions", "practice_revisions.id", "practice_entries.working_revision_id")
    .select(["practice_entries.status", "practice_entries.organisation_id", "practice_entries.created_by", "practice_revisions.title", "practice_revisions.version", "practice_revisions.frozen_at"])
    .where("practice_entries.id", "=", id)
    .executeTakeFirstOrThrow();
  await db.destroy();
  return row;
}

describe("a lead's entry", () => {
  it("can be started, saved without JavaScript, and is listed for colleagues", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const id = await newEntry(lead);
    const saved = await lead.post(`/submissions/${id}/edit`, { intent: "save", version: "1", richTextFormat: "text", title: "Park patrols", problem: "Teenagers gathered.\n\nEvery night." });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/submissions/${id}/edit?saved=1`);
    const page = await (await lead.get(`/submissions/${id}/edit?saved=1`)).text();
    expect(page).toContain("Your draft has been saved");
    expect(page).toContain('value="Park patrols"');
    const colleague = await server.signedIn("colleague@sussex.test");
    expect(await (await colleague.get("/submissions")).text()).toContain("Park patrols");
    expect((await colleague.get(`/submissions/${id}/edit`)).status).toBe(200);
  });

  it("is a 404 for a lead from another force: pages, data requests and actions", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const id = await newEntry(lead);
    const other = await server.signedIn("lead@hampshire.test");
    for (const path of [`/submissions/${id}`, `/submissions/${id}/edit`, `/submissions/${id}/preview`, `/submissions/${id}/edit.data`]) {
      expect((await other.get(path)).status, path).toBe(404);
    }
    expect((await other.post(`/submissions/${id}/edit`, { intent: "save", version: "1", title: "Hijacked" })).status).toBe(404);
    expect((await other.post(`/submissions/${id}/autosave`, { version: "1", title: "Hijacked" })).status).toBe(404);
    expect((await other.post(`/submissions/${id}/edit`, { intent: "submit", version: "1", ...completeEntryForm(tagId) })).status).toBe(404);
    expect((await revision(id)).title).toBe("");
    const reviewer = await server.signedIn("reviewer@college.test");
    expect((await reviewer.get(`/submissions/${id}/edit`)).status).toBe(403);
  });

  it("autosaves over JSON, reporting the new version, and refuses a stale version with the other person's text", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const colleague = await server.signedIn("colleague@sussex.test");
    const id = await newEntry(lead);
    const first = await lead.post(`/submissions/${id}/autosave`, { version: "1", richTextFormat: "json", title: "Draft A" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: "saved", version: 2 });
    const stale = await colleague.post(`/submissions/${id}/autosave`, { version: "1", richTextFormat: "json", title: "Draft B" });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.conflict).toMatchObject({ version: 2, savedBy: "lead", byYou: false });
    expect(body.conflict.differences).toEqual([{ field: "title", label: "Title", theirs: "Draft A", yours: "Draft B" }]);
    // Without JavaScript the same conflict keeps the person's text on the page.
    const page = await colleague.post(`/submissions/${id}/edit`, { intent: "save", version: "1", title: "Draft B" });
    expect(page.status).toBe(409);
    const html = await page.text();
    expect(html).toContain("Someone else changed this entry");
    expect(html).toContain('value="Draft B"');
    expect((await revision(id)).title).toBe("Draft A");

    // The same person in a second tab is told it was them.
    const ownTab = await lead.post(`/submissions/${id}/edit`, { intent: "save", version: "1", title: "Draft C" });
    expect(ownTab.status).toBe(409);
    const own = await ownTab.text();
    expect(own).toContain("You changed this entry in another tab or window");
    expect(own).toMatch(/You saved a newer version at [^<]+, in another tab or window\./);
    expect(own).not.toContain("Someone else changed this entry");
  });

  it("takes exactly one of two saves sent at the same instant", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const colleague = await server.signedIn("colleague@sussex.test");
    const id = await newEntry(lead);
    const [a, b] = await Promise.all([
      lead.post(`/submissions/${id}/autosave`, { version: "1", title: "From A" }),
      colleague.post(`/submissions/${id}/autosave`, { version: "1", title: "From B" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const row = await revision(id);
    expect(row.version).toBe(2);
    expect(row.title).toBe(a.status === 200 ? "From A" : "From B");
  });

  it("submitting an incomplete entry lists every problem and keeps every value", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const id = await newEntry(lead);
    const res = await lead.post(`/submissions/${id}/edit`, { intent: "submit", version: "1", richTextFormat: "text", title: "Half done", problem: "Only this so far" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("There is a problem");
    for (const anchor of ["#summary", "#purpose", "#tagIds", "#aim", "#permissionToPublish"]) expect(html).toContain(`href="${anchor}"`);
    expect(html).toContain('value="Half done"');
    expect(html).toContain("Only this so far");
    expect((await revision(id)).status).toBe("draft");
  });

  it("submitting a complete entry sends it for review and freezes it", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const id = await newEntry(lead);
    const res = await lead.post(`/submissions/${id}/edit`, { intent: "submit", version: "1", ...completeEntryForm(tagId) });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/submissions/${id}?submitted=1`);
    const row = await revision(id);
    expect(row.status).toBe("in_review");
    expect(row.frozen_at).not.toBeNull();
    expect((await lead.get(`/submissions/${id}/edit`)).status).toBe(302);
    const late = await lead.post(`/submissions/${id}/autosave`, { version: "2", title: "Too late" });
    expect(late.status).toBe(409);
    expect((await lead.get(`/submissions/${id}/preview`)).status).toBe(200);
  });
});

describe("hostile or broken input", () => {
  it("gets a 4xx with a clear message, never a 500, and changes nothing it should not", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const id = await newEntry(lead);
    const forged = await lead.post(`/submissions/${id}/edit`, {
      intent: "save", version: "1", title: "Forged", status: "published", authorId: "999", organisationId: "2", organisation_id: "2",
    });
    expect(forged.status).toBe(302);
    const row = await revision(id);
    expect(row).toMatchObject({ title: "Forged", status: "draft" });
    expect(row.organisation_id).not.toBe(2);

    const megabyte = await lead.post(`/submissions/${id}/autosave`, { version: "2", title: "x", problem: "y".repeat(1024 * 1024) });
    expect(megabyte.status).toBe(400);
    expect((await megabyte.json()).errors.problem).toMatch(/too long/);

    const badJson = await lead.post(`/submissions/${id}/edit`, { intent: "save", version: "2", richTextFormat: "json", problem: "{\"type\":\"doc\",,," });
    expect(badJson.status).toBe(400);
    expect(await badJson.text()).toContain("could not be read");

    const script = await lead.post(`/submissions/${id}/edit`, {
      intent: "save", version: "2", richTextFormat: "json",
      problem: JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "click", marks: [{ type: "link", attrs: { href: " JaVaScRiPt:alert(1)" } }] }] }] }),
    });
    expect(script.status).toBe(400);

    const wrongTypes = await lead.post(`/submissions/${id}/edit`, { intent: "save", version: "abc", title: "x" });
    expect(wrongTypes.status).toBe(400);
    expect(await wrongTypes.text()).toContain("This form is out of date");

    const unknownTag = await lead.post(`/submissions/${id}/edit`, { intent: "save", version: "2", tagIds: ["999999"] });
    expect(unknownTag.status).toBe(400);
    expect(await unknownTag.text()).toContain("Choose topics from the list");

    const tooBig = await lead.post(`/submissions/${id}/autosave`, { version: "2", title: "z".repeat(3 * 1024 * 1024) });
    expect(tooBig.status).toBe(413);

    expect((await lead.get("/submissions/abc/edit")).status).toBe(404);
    expect((await lead.get("/submissions/99999999/edit")).status).toBe(404);
    expect((await revision(id)).title).toBe("Forged");
  });

  it("renders stored text inert in the preview", async () => {
    const lead = await server.signedIn("lead@sussex.test");
    const id = await newEntry(lead);
    await lead.post(`/submissions/${id}/edit`, {
      intent: "save", version: "1", richTextFormat: "text", title: "<img src=x onerror=alert(1)>", problem: "<script>alert('x')</script>",
    });
    const html = await (await lead.get(`/submissions/${id}/preview`)).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toMatch(/&lt;script&gt;alert\(&#(x27|39);x&#(x27|39);\)&lt;\/script&gt;/);
  });
});
