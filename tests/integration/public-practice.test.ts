import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActingUser } from "../../app/models/entry-workflow.server";
import { freshDatabase } from "../support/database";
import { completeEntryForm, doc } from "../support/entries";
import { startServer, type RunningServer } from "../support/server";
import { submitForReview } from "../../app/models/practice.server";
import { actingUser, completeDraft, entryRow, move, publishedEntry, submittedEntry, tagIdOf } from "./lead-fixtures";

let server: RunningServer;
let lead: ActingUser;
let reviewer: ActingUser;
let tagId: number;
const published: Record<string, { entryId: number; slug: string }> = {};
const unpublished: Record<string, number> = {};

const TAKEN_DOWN = "This practice entry has been taken down by the College&#x27;s practice team.";

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  lead = await actingUser(db, "lead@sussex.test", "force_lead", "sussex-police");
  reviewer = await actingUser(db, "reviewer@college.test", "reviewer");
  tagId = await tagIdOf(db, "youth");

  published.live = await publishedEntry(db, lead, reviewer, tagId, { title: "Operation Quiet Streets" });
  published.archived = await publishedEntry(db, lead, reviewer, tagId, { title: "Old park scheme" });
  await move(db, published.archived.entryId, "archive", reviewer, { reason: "The force asked for it to be removed." });
  published.updating = await publishedEntry(db, lead, reviewer, tagId, {
    title: "Safer routes to school",
    problem: JSON.stringify(doc("Original problem text that is live.")),
  });
  published.rejectedUpdate = await publishedEntry(db, lead, reviewer, tagId, { title: "Night-time economy patrols" });

  // Never published, in each state the public must not see.
  unpublished.draft = await submittedEntry(db, lead, tagId, { title: "Hidden withdrawn draft" });
  await move(db, unpublished.draft, "withdraw", lead);
  unpublished.inReview = await submittedEntry(db, lead, tagId, { title: "Hidden in review" });
  unpublished.changes = await submittedEntry(db, lead, tagId, { title: "Hidden changes requested" });
  await move(db, unpublished.changes, "request_changes", reviewer, { reason: "Add figures." });
  unpublished.rejected = await submittedEntry(db, lead, tagId, { title: "Hidden rejected" });
  await move(db, unpublished.rejected, "reject", reviewer, { reason: "Not neighbourhood policing." });
  await db.destroy();
  server = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

describe("a published practice entry", () => {
  it("is open to everyone, with the evidence label, organisation, tags, dates and every section", async () => {
    const res = await fetch(`${server.url}/practice/${published.live.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const html = await res.text();
    expect(html).toContain("<h1");
    expect(html).toContain("Operation Quiet Streets");
    expect(html).toMatch(/Evidence: <strong class="govuk-tag">Promising<\/strong>/);
    expect(html).toContain("Sussex Police");
    expect(html).toContain("Youth");
    for (const heading of ["The problem", "Aim and intended outcome", "What you did", "Putting it into practice", "Results", "What you learned"]) {
      expect(html, heading).toContain(heading);
    }
    expect(html).toContain("Reports fell from 120 to 80 in six months.");
    expect(html).toContain("Published");
    expect(html).toMatch(/<time dateTime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4}<\/time>/);
    expect(html).toContain(`<title>Operation Quiet Streets - Neighbourhood policing practice bank</title>`);
  });

  it("is not kept by shared caches when the reader is signed in", async () => {
    const client = await server.signedIn("lead@sussex.test");
    const res = await client.get(`/practice/${published.live.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("answers 410 with a short explanation once taken down", async () => {
    const res = await fetch(`${server.url}/practice/${published.archived.slug}`);
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain("This page has been taken down");
    expect(html).toContain(TAKEN_DOWN);
    expect(html).not.toContain("The force asked for it to be removed.");
    expect(html).not.toContain("Old park scheme");
  });

  it("answers 404 for drafts, entries in review, with changes requested, rejected or withdrawn, and unknown slugs", async () => {
    const guesses = [
      "hidden-withdrawn-draft", "hidden-in-review", "hidden-changes-requested", "hidden-rejected",
      "no-such-practice", "operation-quiet-streets-2", "OPERATION-QUIET-STREETS", "a".repeat(200), "operation_quiet_streets", "hidden-in-review%20",
    ];
    for (const slug of guesses) {
      const res = await fetch(`${server.url}/practice/${slug}`);
      expect(res.status, slug).toBe(404);
      expect(await res.text(), slug).not.toContain("Hidden");
    }
    // Signed in as the entries' own lead makes no difference: the public page shows only published work.
    const client = await server.signedIn("lead@sussex.test");
    expect((await client.get("/practice/hidden-in-review")).status).toBe(404);
    const rows = await server.withDb((db) => Promise.all(Object.values(unpublished).map((id) => entryRow(db, id))));
    expect(rows.map((r) => r.slug)).toEqual([null, null, null, null]);
  });

  it("keeps showing the published text while an update is drafted and reviewed, until the update is published", async () => {
    const { entryId, slug } = published.updating;
    const client = await server.signedIn("lead@sussex.test");
    const { state_version } = await server.withDb((db) => entryRow(db, entryId));
    const started = await client.post(`/submissions/${entryId}?index`, { intent: "start_update", stateVersion: String(state_version) });
    expect(started.status).toBe(302);
    expect(started.headers.get("location")).toBe(`/submissions/${entryId}/edit`);
    const row = await server.withDb((db) => entryRow(db, entryId));
    expect(row.status).toBe("draft");
    const form = completeEntryForm(tagId, {
      title: "Safer routes to school (updated)",
      problem: JSON.stringify(doc("Revised problem text, not yet published.")),
    });
    const saved = await client.post(`/submissions/${entryId}/edit`, { intent: "save", version: String(row.version), ...form });
    expect(saved.status).toBe(302);

    const publicPage = async () => {
      const res = await fetch(`${server.url}/practice/${slug}`);
      expect(res.status).toBe(200);
      return res.text();
    };
    let html = await publicPage();
    expect(html).toContain("Original problem text that is live.");
    expect(html).not.toContain("Revised problem text");
    expect(html).not.toContain("(updated)");

    // Submitted: still the old text.
    const saved2 = await server.withDb((db) => entryRow(db, entryId));
    const submitted = await client.post(`/submissions/${entryId}/edit`, { intent: "submit", version: String(saved2.version), ...form });
    expect(submitted.status).toBe(302);
    html = await publicPage();
    expect(html).toContain("Original problem text that is live.");
    // The lead's overview says the published version is still live.
    const overview = await (await client.get(`/submissions/${entryId}`)).text();
    expect(overview).toContain("The published version stays on the practice bank");
    expect(overview).toContain(`href="/practice/${slug}"`);

    // Published: the new text, at the same address.
    await server.withDb((db) => move(db, entryId, "publish", reviewer, { evidenceLabel: "worked", tagIds: [tagId] }));
    html = await publicPage();
    expect(html).toContain("Revised problem text, not yet published.");
    expect(html).not.toContain("Original problem text that is live.");
    expect(html).toContain("Safer routes to school (updated)");
    expect(html).toMatch(/Evidence: <strong class="govuk-tag">Worked<\/strong>/);
  });

  it("stays live when an update to it is rejected or withdrawn", async () => {
    const { entryId, slug } = published.rejectedUpdate;
    await server.withDb(async (db) => {
      await move(db, entryId, "start_update", lead);
      const { version } = await entryRow(db, entryId);
      const result = await submitForReview(db, {
        entryId, organisationId: lead.organisationId!, userId: lead.id, baseVersion: version, draft: completeDraft(tagId, { title: "A rejected rewrite" }),
      });
      expect(result.ok).toBe(true);
      await move(db, entryId, "reject", reviewer, { reason: "Keep the original." });
    });
    const res = await fetch(`${server.url}/practice/${slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Night-time economy patrols");
    expect(html).not.toContain("A rejected rewrite");
  });
});
