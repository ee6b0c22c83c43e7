import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftEntry } from "../../app/models/practice.server";
import { pageText } from "../support/client";
import { actingUserByEmail, move, publishedEntry, submittedEntry, tagIdOf } from "../support/entry-fixtures";
import { startServer, type RunningServer } from "../support/server";
import { addUser } from "../support/users";

// The "All entries" list over HTTP: who may see it, what it lists (every
// submitted entry in any state, never a draft that was never submitted), and
// its search, filters, sort and pages.

let server: RunningServer;
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startServer({ env: { MAIL_WORKER: "off" } });
  await server.withDb(async (db) => {
    await addUser(db, "lead@sussex.test", "force_lead", "sussex-police");
    await addUser(db, "lead@kent.test", "force_lead", "kent-police");
    await addUser(db, "reviewer@college.test", "reviewer");
    await addUser(db, "admin@college.test", "admin");
    const sussex = await actingUserByEmail(db, "lead@sussex.test");
    const kent = await actingUserByEmail(db, "lead@kent.test");
    const reviewer = await actingUserByEmail(db, "reviewer@college.test");
    const shopTheft = await tagIdOf(db, "shop-theft");
    const youth = await tagIdOf(db, "youth");
    ids.published = (await publishedEntry(db, sussex, reviewer, shopTheft, { title: "Alpha shop watch" }, { evidenceLabel: "worked" })).entryId;
    ids.inReview = await submittedEntry(db, kent, youth, { title: "Beta youth club" });
    ids.takenDown = (await publishedEntry(db, kent, reviewer, shopTheft, { title: "Gamma 100% retail" })).entryId;
    await move(db, ids.takenDown, "archive", reviewer, { reason: "Out of date." });
    ids.neverSubmitted = await createDraftEntry(db, { id: sussex.id, organisationId: sussex.organisationId! });
  });
});
afterAll(async () => server?.stop());

const titles = (html: string) => Array.from(html.matchAll(/<a class="govuk-link"[^>]* href="\/review\/(\d+)">([^<]*)<\/a>/g), (m) => m[2]);

describe("/review/entries", () => {
  it("is for reviewers and administrators only", async () => {
    const anonymous = await fetch(`${server.url}/review/entries`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    const lead = await server.signedIn("lead@sussex.test");
    expect((await lead.get("/review/entries")).status).toBe(403);
    const admin = await server.signedIn("admin@college.test");
    const res = await admin.get("/review/entries");
    expect(res.status).toBe(200);
    const html = await pageText(res);
    // Administrators get the list and the public pages, not the review page.
    expect(titles(html)).toEqual([]);
    expect(html).toContain("Alpha shop watch");
  });

  it("lists every submitted entry in any state, newest change first, never an unsubmitted draft", async () => {
    const reviewer = await server.signedIn("reviewer@college.test");
    const html = await pageText(await reviewer.get("/review/entries"));
    expect(titles(html)).toEqual(["Gamma 100% retail", "Beta youth club", "Alpha shop watch"]);
    expect(html).toContain("3 entries, last changed, newest first");
    expect(html).not.toContain(`/review/${ids.neverSubmitted}"`);
    // Only the live one links to its public page.
    expect(Array.from(html.matchAll(/href="\/practice\/([a-z0-9-]+)"/g))).toHaveLength(1);
  });

  it("searches titles as typed, filters by state, organisation, topic and evidence, and sorts", async () => {
    const reviewer = await server.signedIn("reviewer@college.test");
    const list = async (query: string) => titles(await pageText(await reviewer.get(`/review/entries?${query}`)));
    expect(await list("q=SHOP")).toEqual(["Alpha shop watch"]);
    // "%" is a character to find, not a wildcard.
    expect(await list("q=100%25")).toEqual(["Gamma 100% retail"]);
    expect(await list("q=%25")).toEqual(["Gamma 100% retail"]);
    expect(await list("state=archived")).toEqual(["Gamma 100% retail"]);
    expect(await list("state=published&state=in_review")).toEqual(["Beta youth club", "Alpha shop watch"]);
    expect(await list("evidence=worked")).toEqual(["Alpha shop watch"]);
    expect(await list("evidence=none&state=in_review")).toEqual(["Beta youth club"]);
    const youth = await server.withDb((db) => tagIdOf(db, "youth"));
    expect(await list(`tag=${youth}`)).toEqual(["Beta youth club"]);
    const kent = await server.withDb(async (db) => (await db.selectFrom("organisations").select("id").where("slug", "=", "kent-police").executeTakeFirstOrThrow()).id);
    expect(await list(`organisation=${kent}&sort=title`)).toEqual(["Beta youth club", "Gamma 100% retail"]);
    expect(await list("sort=title")).toEqual(["Alpha shop watch", "Beta youth club", "Gamma 100% retail"]);
    // Nonsense is ignored, never an error.
    expect(await list("state=nope&sort=sideways&page=-3&organisation=x")).toHaveLength(3);
  });
});
