import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActingUser } from "../../app/models/entry-workflow.server";
import type { DB } from "../../db/connection";
import { pageText } from "../support/client";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { draftUpdate, leadAndReviewer, move, submittedEntry, tagIdOf } from "./lead-fixtures";

// Related content over HTTP: practice and sessions are related when they
// share active topic tags. Entries are made through the real models in every
// state the public must not see, next to live ones.

let server: RunningServer;
const slugs: Record<string, string> = {};

async function publishWithTags(db: DB, lead: ActingUser, reviewer: ActingUser, title: string, tagIds: number[]) {
  const entryId = await submittedEntry(db, lead, tagIds[0], { title });
  const { slug } = await move(db, entryId, "publish", reviewer, { evidenceLabel: "promising", tagIds });
  slugs[title] = slug!;
  return entryId;
}

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  const { lead, reviewer } = await leadAndReviewer(db);
  const youth = await tagIdOf(db, "youth");
  const asb = await tagIdOf(db, "anti-social-behaviour");
  const shopTheft = await tagIdOf(db, "shop-theft");

  // Published in this order, so later ones are newer.
  await publishWithTags(db, lead, reviewer, "Youth ASB park scheme", [youth, asb]);
  await publishWithTags(db, lead, reviewer, "Two tags in common", [youth, asb]);
  await publishWithTags(db, lead, reviewer, "Oldest youth scheme", [youth]);
  const updating = await publishWithTags(db, lead, reviewer, "Youth club outreach", [youth]);
  await publishWithTags(db, lead, reviewer, "Youth mentoring", [youth]);
  await publishWithTags(db, lead, reviewer, "Youth diversion panel", [youth]);
  await publishWithTags(db, lead, reviewer, "Newest youth scheme", [youth]);
  await publishWithTags(db, lead, reviewer, "Retail crime partnership", [shopTheft]);
  const archived = await publishWithTags(db, lead, reviewer, "Taken down youth ASB work", [youth, asb]);
  await move(db, archived, "archive", reviewer, { reason: "Asked to remove it." });
  await submittedEntry(db, lead, youth, { title: "Youth scheme still in review" });

  // An update in progress on a live entry: its draft title must never appear.
  await draftUpdate(db, updating, lead, youth, { title: "Unpublished update title" });

  await db.destroy();
  server = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

/** The link texts in one related-content section of a page, in order; null when the section is absent. */
function listed(html: string, testId: string): string[] | null {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start === -1) return null;
  const section = html.slice(start, html.indexOf("</section>", start));
  return Array.from(section.matchAll(/<a [^>]*class="govuk-link"[^>]*>([^<]*)<\/a>/g), (m) => m[1]);
}

async function page(path: string) {
  const res = await fetch(server.url + path);
  expect(res.status, path).toBe(200);
  return pageText(res);
}

describe("a practice page", () => {
  it("lists up to five other live entries sharing its tags, most tags in common first, then newest", async () => {
    const html = await page(`/practice/${slugs["Youth ASB park scheme"]}`);
    expect(html).toContain(`<h2 class="govuk-heading-m" id="related-practice">Related practice</h2>`);
    expect(listed(html, "related-practice")).toEqual([
      "Two tags in common", "Newest youth scheme", "Youth diversion panel", "Youth mentoring", "Youth club outreach",
    ]);
    expect(html).toContain(`href="/practice/${slugs["Two tags in common"]}"`);
  });

  it("never lists itself, archived entries, entries in review, or an update's draft", async () => {
    const html = await page(`/practice/${slugs["Newest youth scheme"]}`);
    const titles = listed(html, "related-practice")!;
    expect(titles).not.toContain("Newest youth scheme");
    expect(html).not.toContain("Taken down youth ASB work");
    expect(html).not.toContain("Youth scheme still in review");
    expect(html).not.toContain("Unpublished update title");
    expect(titles).toContain("Youth club outreach");
  });

  it("lists the Week of Action sessions sharing its tags, with when they run", async () => {
    const html = await page(`/practice/${slugs["Youth ASB park scheme"]}`);
    expect(html).toContain(`<h2 class="govuk-heading-m" id="related-sessions">Related Week of Action sessions</h2>`);
    expect(listed(html, "related-sessions")).toEqual(["Reducing youth anti-social behaviour: lessons from Operation Concur"]);
    expect(html).toContain(`href="/week-of-action/operation-concur-youth-anti-social-behaviour"`);
    expect(html).toContain("Thursday 18 June, midday to 1pm");
  });

  it("leaves out a section with nothing in it", async () => {
    const html = await page(`/practice/${slugs["Retail crime partnership"]}`);
    expect(listed(html, "related-practice")).toBeNull();
    expect(html).not.toContain("Related practice");
    expect(listed(html, "related-sessions")).toEqual(["Operation STOP: using GPS tagging to reduce persistent shop theft in Sussex"]);
  });
});

describe("a session page", () => {
  it("lists up to five live entries sharing its tags, most tags in common first, then newest", async () => {
    const html = await page("/week-of-action/operation-concur-youth-anti-social-behaviour");
    expect(listed(html, "related-practice")).toEqual([
      "Two tags in common", "Youth ASB park scheme", "Newest youth scheme", "Youth diversion panel", "Youth mentoring",
    ]);
    expect(html).not.toContain("Taken down youth ASB work");
    expect(html).not.toContain("Unpublished update title");
  });

  it("lists practice that shares just one of its tags", async () => {
    const html = await page("/week-of-action/operation-stop-gps-tagging-shop-theft");
    expect(listed(html, "related-practice")).toEqual(["Retail crime partnership"]);
  });

  it("has no related practice section when nothing shares its tags", async () => {
    const html = await page("/week-of-action/facial-recognition-disrupting-crime");
    expect(listed(html, "related-practice")).toBeNull();
    expect(html).not.toContain("Related practice");
  });
});
