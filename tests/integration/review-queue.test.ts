import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/connection";
import { formToObject } from "../../app/lib/form-values";
import { applyTransition } from "../../app/models/entry-workflow.server";
import { createDraftEntry, submitForReview } from "../../app/models/practice.server";
import { ENTRY_ARRAY_FIELDS, entrySubmitSchema } from "../../app/schemas/practice-entry";
import { Client, pageText } from "../support/client";
import { freshDatabase } from "../support/database";
import { completeEntryForm } from "../support/entries";
import { startServer, type RunningServer } from "../support/server";
import { addUser } from "../support/users";

// The review queue over HTTP: what is listed, in what order, the filters and
// counts, and taking an entry from the list.

let server: RunningServer;
let tags: Record<string, number>;
let orgs: Record<string, number>;
let annId: number;
let bobId: number;
const ids: Record<string, number> = {};

interface Lead {
  id: number;
  name: string;
  organisationId: number;
}

async function submitted(db: DB, lead: Lead, title: string, tagSlug: string) {
  const entryId = await createDraftEntry(db, lead);
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(completeEntryForm(tags[tagSlug], { title }))) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  const draft = entrySubmitSchema.parse(formToObject(body, ENTRY_ARRAY_FIELDS));
  const result = await submitForReview(db, { entryId, organisationId: lead.organisationId, userId: lead.id, baseVersion: 1, draft });
  if (!result.ok) throw new Error(`submit failed: ${JSON.stringify(result)}`);
  return entryId;
}

async function leadIn(db: DB, email: string, org: string): Promise<Lead> {
  const id = await addUser(db, email, "force_lead", org);
  return { id, name: email.split("@")[0], organisationId: orgs[org] };
}

/** The titles in the queue table, top to bottom. */
function titles(html: string): string[] {
  const table = /<table[^>]*data-testid="review-queue"[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
  return [...table.matchAll(/<a class="govuk-link"[^>]*href="\/review\/\d+"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
}

async function queue(client: Client, search = "") {
  const res = await client.get(`/review${search}`);
  expect(res.status).toBe(200);
  return res.text();
}

async function assignee(entryId: number) {
  const db = openDatabase(server.databasePath);
  const row = await db.selectFrom("practice_entries").select("assigned_reviewer_id").where("id", "=", entryId).executeTakeFirstOrThrow();
  await db.destroy();
  return row.assigned_reviewer_id;
}

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  tags = Object.fromEntries((await db.selectFrom("tags").select(["id", "slug"]).execute()).map((t) => [t.slug, t.id]));
  orgs = Object.fromEntries((await db.selectFrom("organisations").select(["id", "slug"]).execute()).map((o) => [o.slug, o.id]));
  annId = await addUser(db, "ann@college.test", "reviewer");
  bobId = await addUser(db, "bob@college.test", "reviewer");
  await addUser(db, "admin@college.test", "admin");
  const sussex = await leadIn(db, "lead@sussex.test", "sussex-police");
  const hampshire = await leadIn(db, "lead@hampshire.test", "hampshire-and-isle-of-wight-constabulary");
  const gmp = await leadIn(db, "lead@gmp.test", "greater-manchester-police");

  // Oldest first: submitted in this order.
  ids.first = await submitted(db, sussex, "First: Sussex youth", "youth");
  ids.second = await submitted(db, hampshire, "Second: Hampshire shop theft", "shop-theft");
  ids.third = await submitted(db, gmp, "Third: Manchester youth <i>escaped</i>", "youth");
  ids.fourth = await submitted(db, sussex, "Fourth: Sussex knife crime", "knife-crime");
  ids.published = await submitted(db, sussex, "Published one", "youth");
  await createDraftEntry(db, sussex); // never submitted: never in the queue

  const reviewer = (id: number, name: string) => ({ id, name, role: "reviewer" as const, organisationId: null });
  const version = async (id: number) => (await db.selectFrom("practice_entries").select("state_version").where("id", "=", id).executeTakeFirstOrThrow()).state_version;
  // The second goes back to the force; the published one leaves the queue.
  await applyTransition(db, { entryId: ids.second, action: "request_changes", actor: reviewer(annId, "ann"), expectedStateVersion: await version(ids.second), reason: "More figures" });
  await applyTransition(db, {
    entryId: ids.published, action: "publish", actor: reviewer(annId, "ann"), expectedStateVersion: await version(ids.published), evidenceLabel: "worked", tagIds: [tags.youth],
  });
  // Make submission times strictly increasing whatever the clock resolution.
  let minute = 0;
  for (const key of ["first", "second", "third", "fourth", "published"]) {
    await db.updateTable("practice_entries").set({ submitted_at: new Date(Date.UTC(2026, 0, 10, 9, minute++)).toISOString() }).where("id", "=", ids[key]).execute();
  }
  await db.updateTable("practice_entries").set({ assigned_reviewer_id: annId }).where("id", "=", ids.first).execute();
  await db.updateTable("practice_entries").set({ assigned_reviewer_id: bobId }).where("id", "=", ids.third).execute();
  await db.destroy();
  server = await startServer({ databasePath: file });
});
afterAll(async () => server?.stop());

describe("the review queue", () => {
  it("is for reviewers only", async () => {
    const anonymous = new Client(server.url);
    const res = await anonymous.get("/review");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Freview");
    expect((await (await server.signedIn("lead@sussex.test")).get("/review")).status).toBe(403);
    expect((await (await server.signedIn("admin@college.test")).get("/review")).status).toBe(403);
    expect((await (await server.signedIn("lead@sussex.test")).post("/review?index", { intent: "claim", entryId: String(ids.fourth) })).status).toBe(403);
    expect(await assignee(ids.fourth)).toBeNull();
  });

  it("lists entries in review and with changes requested, oldest first, with counts", async () => {
    const client = await server.signedIn("ann@college.test");
    const html = await queue(client);
    expect(titles(html)).toEqual([
      "First: Sussex youth",
      "Second: Hampshire shop theft",
      "Third: Manchester youth &lt;i&gt;escaped&lt;/i&gt;",
      "Fourth: Sussex knife crime",
    ]);
    expect(html).not.toContain("<i>escaped</i>");
    expect(html).toContain("In review (3)");
    expect(html).toContain("Changes requested (1)");
    expect(html).toContain("Assigned to you (1)");
    expect(html).toContain("Unassigned (1)");
    // Submitted times in UK time: 9am UTC in January is 9am in London.
    expect(html).toContain("10 January 2026 at 9am");
    expect(html).toContain("South East");
    expect(html).toContain("Changes requested");
    // Bob's view counts his own.
    const bobs = await queue(await server.signedIn("bob@college.test"));
    expect(bobs).toContain("Assigned to you (1)");
  });

  it("filters by state, organisation, region, topic and assignment, keeping the choices in the form", async () => {
    const client = await server.signedIn("ann@college.test");
    expect(titles(await queue(client, "?state=changes_requested"))).toEqual(["Second: Hampshire shop theft"]);
    expect(titles(await queue(client, "?state=in_review&state=changes_requested"))).toHaveLength(4);
    const bySussex = await queue(client, `?organisation=${orgs["sussex-police"]}`);
    expect(titles(bySussex)).toEqual(["First: Sussex youth", "Fourth: Sussex knife crime"]);
    expect(bySussex).toMatch(new RegExp(`<option value="${orgs["sussex-police"]}" selected="">Sussex Police</option>`));
    expect(titles(await queue(client, "?region=South+East"))).toEqual(["First: Sussex youth", "Second: Hampshire shop theft", "Fourth: Sussex knife crime"]);
    expect(titles(await queue(client, "?region=North+West"))).toEqual(["Third: Manchester youth &lt;i&gt;escaped&lt;/i&gt;"]);
    expect(titles(await queue(client, `?tag=${tags.youth}`))).toEqual(["First: Sussex youth", "Third: Manchester youth &lt;i&gt;escaped&lt;/i&gt;"]);
    expect(titles(await queue(client, "?assigned=me"))).toEqual(["First: Sussex youth"]);
    const unassigned = await queue(client, "?assigned=unassigned");
    expect(titles(unassigned)).toEqual(["Second: Hampshire shop theft", "Fourth: Sussex knife crime"]);
    expect(unassigned).toMatch(/<input[^>]*id="assigned-3"[^>]*checked=""|<input[^>]*checked=""[^>]*id="assigned-3"/);
    expect(titles(await queue(client, `?state=in_review&region=South+East&tag=${tags["knife-crime"]}&assigned=unassigned`))).toEqual([
      "Fourth: Sussex knife crime",
    ]);
    const none = await queue(client, `?organisation=${orgs["west-midlands-police"]}`);
    expect(titles(none)).toEqual([]);
    expect(none).toContain("No entries match these filters.");
    // Nonsense in the address is ignored, not an error.
    expect(titles(await queue(client, "?state=published&organisation=abc&tag=-1&assigned=everyone"))).toHaveLength(4);
  });

  it("lets a reviewer take an unassigned entry, but not one someone else has taken", async () => {
    const ann = await server.signedIn("ann@college.test");
    const bob = await server.signedIn("bob@college.test");
    const before = await queue(ann);
    // Only unassigned rows have the button.
    expect(before.match(/>Take it</g)).toHaveLength(2);
    expect(before).toContain('<span class="govuk-visually-hidden"> for Fourth: Sussex knife crime</span>');
    const res = await ann.post("/review?index&state=in_review", { intent: "claim", entryId: String(ids.fourth) });
    expect(res.status).toBe(302);
    // Taking an entry opens it.
    expect(res.headers.get("location")).toBe(`/review/${ids.fourth}?done=claim`);
    expect(await assignee(ids.fourth)).toBe(annId);
    expect(await pageText(await ann.get(`/review/${ids.fourth}?done=claim`))).toContain("You have taken this entry.");

    const late = await bob.post("/review?index", { intent: "claim", entryId: String(ids.fourth) });
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(html).toContain("ann has already taken this entry.");
    // The queue under the message is up to date: it shows who has it.
    expect(html).toContain("There is a problem");
    expect(await assignee(ids.fourth)).toBe(annId);

    expect((await ann.post("/review?index", { intent: "claim", entryId: String(ids.published) })).status).toBe(409);
    expect((await ann.post("/review?index", { intent: "claim", entryId: "99999" })).status).toBe(404);
    expect((await ann.post("/review?index", { intent: "claim", entryId: "x" })).status).toBe(400);
  });
});
