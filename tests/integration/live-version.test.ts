import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActingUser } from "../../app/models/entry-workflow.server";
import { submitForReview } from "../../app/models/practice.server";
import type { DB } from "../../db/connection";
import { Client, pageText } from "../support/client";
import { freshDatabase } from "../support/database";
import { completeEntryForm, doc } from "../support/entries";
import { startServer, type RunningServer } from "../support/server";
import { actingUser, completeDraft, entryRow, move, publishedEntry, submittedEntry, tagIdOf } from "./lead-fixtures";

// A published entry whose update is in progress, over HTTP: the live version
// can be taken down whatever state the update is in, and a rejected update
// leaves the live version in place with a way to start another one.

let server: RunningServer;
let lead: ActingUser;
let reviewer: ActingUser;
let tagId: number;
const E: Record<string, { entryId: number; slug: string }> = {};

/** Submits the entry's working copy again with these form values. */
async function resubmit(db: DB, entryId: number, overrides: Record<string, string>) {
  const { version } = await entryRow(db, entryId);
  const result = await submitForReview(db, {
    entryId, organisationId: lead.organisationId!, userId: lead.id, baseVersion: version, draft: completeDraft(tagId, overrides),
  });
  expect(result.ok).toBe(true);
}

/** Starts an update to a published entry and submits it with a new title. */
async function updateInReview(db: DB, entryId: number, title: string) {
  await move(db, entryId, "start_update", lead);
  await resubmit(db, entryId, { title });
}

const results = (text: string) => ({ title: "Knife arches", results: JSON.stringify(doc(text)) });

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  lead = await actingUser(db, "lead@sussex.test", "force_lead", "sussex-police");
  reviewer = await actingUser(db, "ann@college.test", "reviewer");
  tagId = await tagIdOf(db, "youth");

  E.takeDown = await publishedEntry(db, lead, reviewer, tagId, { title: "Park patrols" });
  await updateInReview(db, E.takeDown.entryId, "Park patrols, second year");
  E.takeDownDraft = await publishedEntry(db, lead, reviewer, tagId, { title: "Bike marking" });
  await move(db, E.takeDownDraft.entryId, "start_update", lead);
  E.rejected = await publishedEntry(db, lead, reviewer, tagId, { title: "Street surgeries" });
  await updateInReview(db, E.rejected.entryId, "Street surgeries rewritten");

  // Changes requested before it was first published (submissions 1 and 2, the
  // second published), then an update to it (submission 3).
  const diffs = await submittedEntry(db, lead, tagId, results("Reports fell from 120 to 80."));
  await move(db, diffs, "request_changes", reviewer, { reason: "Check the figure." });
  await resubmit(db, diffs, results("Reports fell from 120 to 70."));
  const { slug } = await move(db, diffs, "publish", reviewer, { evidenceLabel: "promising", tagIds: [tagId] });
  E.diffs = { entryId: diffs, slug: slug! };
  await move(db, diffs, "start_update", lead);
  await resubmit(db, diffs, results("Reports fell from 120 to 60."));
  await db.destroy();
  server = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

const publicStatus = async (slug: string) => (await new Client(server.url).get(`/practice/${slug}`)).status;

describe("taking down a live version while an update is in progress", () => {
  it("works while the update is in review: the public page answers 410 and the update leaves the queue", async () => {
    const { entryId, slug } = E.takeDown;
    expect(await publicStatus(slug)).toBe(200);
    const ann = await server.signedIn("ann@college.test");
    const page = await pageText(await ann.get(`/review/${entryId}`));
    expect(page).toContain("Take down entry");
    expect(page).toContain("ends the update the force is working on");
    expect(page).toContain('value="publish"');

    const { state_version } = await server.withDb((db) => entryRow(db, entryId));
    const res = await ann.post(`/review/${entryId}`, { intent: "archive", stateVersion: String(state_version), takeDownReason: "Names a victim." });
    expect(res.status).toBe(302);
    const row = await server.withDb((db) => entryRow(db, entryId));
    expect(row.status).toBe("archived");
    // The update's text is kept, never published.
    expect(row.title).toBe("Park patrols, second year");
    expect(row.working_revision_id).not.toBe(row.published_revision_id);

    const gone = await new Client(server.url).get(`/practice/${slug}`);
    expect(gone.status).toBe(410);
    expect(await pageText(gone)).toContain("This practice entry has been taken down");
    expect(await pageText(await ann.get("/review"))).not.toContain("Park patrols, second year");
    const overview = await pageText(await (await server.signedIn("lead@sussex.test")).get(`/submissions/${entryId}`));
    expect(overview).toContain("ann took this entry down");
    expect(overview).not.toContain("Update this entry</button>");
    expect(overview).not.toContain("Continue editing");
  });

  it("works while the lead is drafting the update, which can then no longer be saved", async () => {
    const { entryId, slug } = E.takeDownDraft;
    const ann = await server.signedIn("ann@college.test");
    const page = await pageText(await ann.get(`/review/${entryId}`));
    expect(page).toContain("The entry is with the force");
    expect(page).toContain("Take down entry");
    const before = await server.withDb((db) => entryRow(db, entryId));
    const res = await ann.post(`/review/${entryId}`, { intent: "archive", stateVersion: String(before.state_version), takeDownReason: "Out of date." });
    expect(res.status).toBe(302);
    expect(await publicStatus(slug)).toBe(410);

    const leadClient = await server.signedIn("lead@sussex.test");
    const save = await leadClient.post(`/submissions/${entryId}/edit`, { intent: "save", version: String(before.version), ...completeEntryForm(tagId, { title: "Too late" }) });
    expect(save.status).toBe(409);
    expect(await pageText(save)).toContain("This entry is taken down, so it cannot be changed now.");
    expect((await server.withDb((db) => entryRow(db, entryId))).title).toBe("Bike marking");
    // Nothing is live any more, so there is nothing left to take down.
    const again = await ann.post(`/review/${entryId}`, { intent: "archive", stateVersion: String(before.state_version + 1), takeDownReason: "Again" });
    expect(again.status).toBe(409);
  });
});

describe("a rejected update", () => {
  it("leaves the published version live, and the lead can start another update from it", async () => {
    const { entryId, slug } = E.rejected;
    const ann = await server.signedIn("ann@college.test");
    const { state_version } = await server.withDb((db) => entryRow(db, entryId));
    const rejected = await ann.post(`/review/${entryId}`, { intent: "reject", stateVersion: String(state_version), rejectReason: "Keep the original." });
    expect(rejected.status).toBe(302);

    const live = await new Client(server.url).get(`/practice/${slug}`);
    expect(live.status).toBe(200);
    const publicHtml = await pageText(live);
    expect(publicHtml).toContain("Street surgeries");
    expect(publicHtml).not.toContain("Street surgeries rewritten");
    // The reviewer can still take the live version down.
    const reviewPage = await pageText(await ann.get(`/review/${entryId}`));
    expect(reviewPage).toContain("There is nothing to decide. The published version is still live.");
    expect(reviewPage).toContain("Take down entry");

    const client = await server.signedIn("lead@sussex.test");
    const overview = await pageText(await client.get(`/submissions/${entryId}`));
    expect(overview).toContain("ann did not accept this entry");
    expect(overview).toContain("Keep the original.");
    expect(overview).toContain("you can start a new update from it");
    expect(overview).toContain("Update this entry</button>");
    const version = /name="stateVersion" value="(\d+)"/.exec(overview)![1];
    const started = await client.post(`/submissions/${entryId}?index`, { intent: "start_update", stateVersion: version });
    expect(started.status).toBe(302);
    expect(started.headers.get("location")).toBe(`/submissions/${entryId}/edit`);

    const row = await server.withDb((db) => entryRow(db, entryId));
    expect(row.status).toBe("draft");
    // The new update starts from the live text, not from the rejected one.
    expect(row.title).toBe("Street surgeries");
    expect((await client.get(`/submissions/${entryId}/edit`)).status).toBe(200);
    expect(await publicStatus(slug)).toBe(200);
  });
});

describe("the review of an update", () => {
  const removed = (word: string) => `<span class="govuk-visually-hidden">[removed: </span>${word}<`;
  const added = (word: string) => `<span class="govuk-visually-hidden">[added: </span>${word}<`;
  const diffOf = (html: string, testId: string) => new RegExp(`data-testid="${testId}"[\\s\\S]*?</details>`).exec(html)?.[0] ?? "";

  it("shows one comparison when the last submission is the published version, and two once they differ", async () => {
    const { entryId } = E.diffs;
    const ann = await server.signedIn("ann@college.test");
    let html = await pageText(await ann.get(`/review/${entryId}`));
    expect(html).toContain("which is also the last submission (submission 2)");
    expect(html).not.toContain('data-testid="since-last-');
    let published = diffOf(html, "since-published-results");
    expect(published).toContain("Changes from the published version (also the last submission)");
    expect(published).toContain(removed("70"));
    expect(published).toContain(added("60"));
    // Never against the submission before the published one.
    expect(published).not.toContain(removed("80"));

    const { state_version } = await server.withDb((db) => entryRow(db, entryId));
    expect((await ann.post(`/review/${entryId}`, { intent: "request_changes", stateVersion: String(state_version), message: "Nearly." })).status).toBe(302);
    await server.withDb((db) => resubmit(db, entryId, results("Reports fell from 120 to 50.")));

    html = await pageText(await ann.get(`/review/${entryId}`));
    expect(html).toContain("what changed since the last submission (submission 3)");
    const sinceLast = diffOf(html, "since-last-results");
    expect(sinceLast).toContain(removed("60"));
    expect(sinceLast).toContain(added("50"));
    published = diffOf(html, "since-published-results");
    expect(published).toContain("Changes from the published version (");
    expect(published).not.toContain("also the last submission");
    expect(published).toContain(removed("70"));
    expect(published).toContain(added("50"));
  });
});
