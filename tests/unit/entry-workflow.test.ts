import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { addComment, applyTransition, assignEntry, claimEntry, type ActingUser } from "../../app/models/entry-workflow.server";
import { createDraftEntry, getEntryForOrganisation, saveDraft, submitForReview } from "../../app/models/practice.server";
import { findPublishedEntry, getReviewEntry, listTimeline } from "../../app/models/review.server";
import { entryDraftSchema } from "../../app/schemas/practice-entry";
import { memoryDatabase } from "../support/database";
import { completeEntryForm, parseEntryForm } from "../support/entries";
import { addUser } from "../support/users";

let db: DB;
let lead: ActingUser & { organisationId: number };
let otherLead: ActingUser;
let reviewer: ActingUser;
let reviewer2: ActingUser;
let tagId: number;

const draft = parseEntryForm;

async function user(email: string, role: "force_lead" | "reviewer", org?: string): Promise<ActingUser> {
  const id = await addUser(db, email, role, org);
  const row = await db.selectFrom("users").select(["name", "organisation_id"]).where("id", "=", id).executeTakeFirstOrThrow();
  return { id, name: row.name, role, organisationId: row.organisation_id };
}

async function stateVersion(entryId: number) {
  return (await db.selectFrom("practice_entries").select("state_version").where("id", "=", entryId).executeTakeFirstOrThrow()).state_version;
}

async function submittedEntry(title = "Operation Quiet Streets") {
  const id = await createDraftEntry(db, { id: lead.id, organisationId: lead.organisationId });
  const entry = await getEntryForOrganisation(db, id, lead.organisationId);
  const result = await submitForReview(db, { entryId: id, organisationId: lead.organisationId, userId: lead.id, baseVersion: entry!.revision.version, draft: draft(completeEntryForm(tagId, { title })) });
  expect(result.ok).toBe(true);
  return id;
}

async function act(entryId: number, actor: ActingUser, action: Parameters<typeof applyTransition>[1]["action"], extra: Partial<Parameters<typeof applyTransition>[1]> = {}) {
  return applyTransition(db, { entryId, actor, action, expectedStateVersion: await stateVersion(entryId), ...extra });
}

beforeEach(async () => {
  db = await memoryDatabase();
  lead = (await user("lead@sussex.test", "force_lead", "sussex-police")) as typeof lead;
  otherLead = await user("lead@kent.test", "force_lead", "kent-police");
  reviewer = await user("priya@college.test", "reviewer");
  reviewer2 = await user("tom@college.test", "reviewer");
  tagId = (await db.selectFrom("tags").select("id").where("slug", "=", "anti-social-behaviour").executeTakeFirstOrThrow()).id;
});
afterEach(async () => db.destroy());

describe("review workflow", () => {
  it("keeps every submitted revision frozen: changes are made in a new copy, and the next submission is compared with the last", async () => {
    const id = await submittedEntry();
    const firstSubmitted = (await getReviewEntry(db, id))!.underReview!;
    expect(await act(id, reviewer, "request_changes", { reason: "Add the baseline figures" })).toMatchObject({ ok: true, to: "changes_requested" });

    const working = (await getEntryForOrganisation(db, id, lead.organisationId))!;
    expect(working.revision.number).toBe(2);
    expect(working.revision.frozen).toBe(false);
    expect(working.revision.title).toBe(firstSubmitted.title);
    const saved = await saveDraft(db, { entryId: id, organisationId: lead.organisationId, userId: lead.id, baseVersion: working.revision.version, draft: draft(completeEntryForm(tagId, { title: "Operation Quiet Streets, with figures" })) });
    expect(saved.ok).toBe(true);
    expect((await getReviewEntry(db, id))!.underReview!.title).toBe("Operation Quiet Streets");

    const again = await getEntryForOrganisation(db, id, lead.organisationId);
    await submitForReview(db, { entryId: id, organisationId: lead.organisationId, userId: lead.id, baseVersion: again!.revision.version, draft: draft(completeEntryForm(tagId, { title: "Operation Quiet Streets, with figures" })) });
    const review = (await getReviewEntry(db, id))!;
    expect(review.status).toBe("in_review");
    expect(review.underReview!.title).toBe("Operation Quiet Streets, with figures");
    expect(review.previousSubmission!.id).toBe(firstSubmitted.id);
    expect(review.previousSubmission!.title).toBe("Operation Quiet Streets");
  });

  it("publishes with a stable slug, the evidence label and the reviewer's tags, and keeps it live while an update is reviewed", async () => {
    const id = await submittedEntry();
    const youth = (await db.selectFrom("tags").select("id").where("slug", "=", "youth").executeTakeFirstOrThrow()).id;
    const published = await act(id, reviewer, "publish", { evidenceLabel: "promising", tagIds: [tagId, youth] });
    expect(published).toEqual({ ok: true, to: "published", slug: "operation-quiet-streets" });
    const live = await findPublishedEntry(db, "operation-quiet-streets");
    expect(live).toMatchObject({ kind: "live", entry: { evidenceLabel: "promising" }, revision: { title: "Operation Quiet Streets" } });
    expect(live.kind === "live" && live.tags.map((t) => t.slug).sort()).toEqual(["anti-social-behaviour", "youth"]);

    expect(await act(id, otherLead, "start_update")).toMatchObject({ ok: false, status: 404 });
    expect(await act(id, lead, "start_update")).toMatchObject({ ok: true, to: "draft" });
    const working = (await getEntryForOrganisation(db, id, lead.organisationId))!;
    await saveDraft(db, { entryId: id, organisationId: lead.organisationId, userId: lead.id, baseVersion: working.revision.version, draft: draft(completeEntryForm(tagId, { title: "Operation Quiet Streets: year two" }), entryDraftSchema) });
    expect(await findPublishedEntry(db, "operation-quiet-streets")).toMatchObject({ kind: "live", revision: { title: "Operation Quiet Streets" } });

    const w2 = (await getEntryForOrganisation(db, id, lead.organisationId))!;
    await submitForReview(db, { entryId: id, organisationId: lead.organisationId, userId: lead.id, baseVersion: w2.revision.version, draft: draft(completeEntryForm(tagId, { title: "Operation Quiet Streets: year two" })) });
    const review = (await getReviewEntry(db, id))!;
    expect(review.published!.title).toBe("Operation Quiet Streets");
    expect(await findPublishedEntry(db, "operation-quiet-streets")).toMatchObject({ kind: "live", revision: { title: "Operation Quiet Streets" } });

    expect(await act(id, reviewer, "publish", { evidenceLabel: "worked", tagIds: [tagId] })).toEqual({ ok: true, to: "published", slug: "operation-quiet-streets" });
    expect(await findPublishedEntry(db, "operation-quiet-streets")).toMatchObject({ kind: "live", entry: { evidenceLabel: "worked" }, revision: { title: "Operation Quiet Streets: year two" } });

    expect(await act(id, reviewer, "archive", { reason: "Superseded" })).toMatchObject({ ok: true, to: "archived" });
    expect(await findPublishedEntry(db, "operation-quiet-streets")).toEqual({ kind: "archived", reason: "Superseded" });
  });

  it("lets exactly one of two reviewers acting at once succeed", async () => {
    const id = await submittedEntry();
    const version = await stateVersion(id);
    const results = await Promise.all([
      applyTransition(db, { entryId: id, actor: reviewer, action: "publish", expectedStateVersion: version, evidenceLabel: "worked", tagIds: [tagId] }),
      applyTransition(db, { entryId: id, actor: reviewer2, action: "reject", expectedStateVersion: version, reason: "Not neighbourhood policing" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409 });
    const winner = results[0].ok ? "published" : "rejected";
    expect((await getReviewEntry(db, id))!.status).toBe(winner);
    const decisions = await db.selectFrom("workflow_events").select("action").where("entry_id", "=", id).where("action", "in", ["publish", "reject"]).execute();
    expect(decisions).toHaveLength(1);
  });

  it("gives an entry to exactly one of two reviewers taking it at once, and names the winner to the other", async () => {
    const id = await submittedEntry();
    const results = await Promise.all([claimEntry(db, id, reviewer), claimEntry(db, id, reviewer2)]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, changed: true }]);
    const winner = results[0].ok ? reviewer : reviewer2;
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, status: 409, message: `${winner.name} has already taken this entry.` });
    expect(await claimEntry(db, id, winner)).toEqual({ ok: true, changed: false });
    // Reassigning from a page that showed someone else as the assignee is refused too.
    const loser = winner === reviewer ? reviewer2 : reviewer;
    expect(await assignEntry(db, id, loser, loser.id, null)).toMatchObject({ ok: false, status: 409 });
    expect(await assignEntry(db, id, loser, loser.id, winner.id)).toEqual({ ok: true, changed: true });
    const assigns = await db.selectFrom("workflow_events").select("reason").where("entry_id", "=", id).where("action", "=", "assign").orderBy("id").execute();
    expect(assigns.map((a) => a.reason)).toEqual([`${winner.name} took this entry`, `${loser.name} took this entry`]);
  });

  it("takes assignments and comments only while the review is open", async () => {
    const id = await submittedEntry();
    expect(await addComment(db, id, reviewer, "Which months?", "results")).toEqual({ ok: true });
    await act(id, reviewer, "request_changes", { reason: "Add the months" });
    expect(await addComment(db, id, lead, "Added them.", null)).toEqual({ ok: true });
    expect(await claimEntry(db, id, reviewer)).toMatchObject({ ok: true });
    const working = (await getEntryForOrganisation(db, id, lead.organisationId))!;
    await submitForReview(db, { entryId: id, organisationId: lead.organisationId, userId: lead.id, baseVersion: working.revision.version, draft: draft(completeEntryForm(tagId)) });
    await act(id, reviewer, "reject", { reason: "Out of scope" });
    expect(await addComment(db, id, reviewer, "One more thing", null)).toEqual({
      ok: false, status: 409, message: "This entry is rejected, so comments are closed. Reload the page to see its current state.",
    });
    expect(await addComment(db, id, lead, "Why?", null)).toMatchObject({ ok: false, status: 409 });
    expect(await assignEntry(db, id, reviewer, reviewer2.id)).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("can no longer be assigned") });
    expect(await addComment(db, id, otherLead, "Hello", null)).toMatchObject({ ok: false, status: 404 });
    const comments = await db.selectFrom("review_comments").select("body").where("entry_id", "=", id).execute();
    expect(comments.map((c) => c.body)).toEqual(["Which months?", "Added them."]);
  });

  it("refuses illegal moves with 403 or 409 and changes nothing", async () => {
    const draftId = await createDraftEntry(db, { id: lead.id, organisationId: lead.organisationId });
    expect(await act(draftId, reviewer, "publish", { evidenceLabel: "worked" })).toMatchObject({ ok: false, status: 409 });
    const id = await submittedEntry();
    expect(await act(id, lead, "publish", { evidenceLabel: "worked" })).toMatchObject({ ok: false, status: 403 });
    expect(await act(id, reviewer, "reject", { reason: "Out of scope" })).toMatchObject({ ok: true });
    const before = await db.selectFrom("practice_entries").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(await act(id, reviewer, "publish", { evidenceLabel: "worked" })).toMatchObject({ ok: false, status: 409 });
    expect(await db.selectFrom("practice_entries").selectAll().where("id", "=", id).executeTakeFirstOrThrow()).toEqual(before);
    expect(await applyTransition(db, { entryId: id, actor: reviewer, action: "archive", expectedStateVersion: 1, reason: "x" })).toMatchObject({ ok: false, status: 409 });
  });

  it("records a complete audit trail, and notifications with their emails for the people concerned", async () => {
    const id = await submittedEntry();
    await act(id, reviewer, "request_changes", { reason: "Add the baseline figures" });
    const working = (await getEntryForOrganisation(db, id, lead.organisationId))!;
    await submitForReview(db, { entryId: id, organisationId: lead.organisationId, userId: lead.id, baseVersion: working.revision.version, draft: draft(completeEntryForm(tagId)) });
    await act(id, reviewer, "publish", { evidenceLabel: "untested", tagIds: [tagId] });

    const timeline = await listTimeline(db, id);
    expect(timeline.map((t) => [t.action, t.fromStatus, t.toStatus, t.actorName])).toEqual([
      ["create", null, "draft", "lead"],
      ["submit", "draft", "in_review", "lead"],
      ["request_changes", "in_review", "changes_requested", "priya"],
      ["submit", "changes_requested", "in_review", "lead"],
      ["publish", "in_review", "published", "priya"],
    ]);
    expect(timeline[2].reason).toBe("Add the baseline figures");
    expect(timeline.every((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(t.createdAt))).toBe(true);

    const leadNotes = await db.selectFrom("notifications").select("kind").where("user_id", "=", lead.id).orderBy("id").execute();
    expect(leadNotes.map((n) => n.kind)).toEqual(["submitted", "changes_requested", "submitted", "published"]);
    const reviewerNotes = await db.selectFrom("notifications").select("kind").where("user_id", "=", reviewer2.id).execute();
    // Nobody had taken it, so every reviewer hears it came back, as a resubmission.
    expect(reviewerNotes.map((n) => n.kind)).toEqual(["new_submission", "resubmission"]);
    const outbox = await db.selectFrom("email_outbox").innerJoin("notifications", "notifications.id", "email_outbox.notification_id").select(["email_outbox.to_address", "notifications.kind"]).execute();
    const notificationCount = (await db.selectFrom("notifications").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;
    expect(outbox).toHaveLength(Number(notificationCount));
    expect(outbox).toContainEqual({ to_address: "lead@sussex.test", kind: "published" });
    expect(await db.selectFrom("notifications").select("id").where("user_id", "=", otherLead.id).execute()).toEqual([]);
  });

  it("tells only the reviewer who took an entry that it was resubmitted", async () => {
    const id = await submittedEntry();
    expect(await claimEntry(db, id, reviewer)).toMatchObject({ ok: true });
    await act(id, reviewer, "request_changes", { reason: "Add the baseline figures" });
    const working = (await getEntryForOrganisation(db, id, lead.organisationId))!;
    const since = Number((await db.selectFrom("notifications").select((eb) => eb.fn.max("id").as("m")).executeTakeFirstOrThrow()).m);
    await submitForReview(db, { entryId: id, organisationId: lead.organisationId, userId: lead.id, baseVersion: working.revision.version, draft: draft(completeEntryForm(tagId)) });
    const notes = await db.selectFrom("notifications").select(["user_id", "kind", "title"]).where("id", ">", since).where("url", "=", `/review/${id}`).execute();
    expect(notes.map((n) => [n.user_id, n.kind])).toEqual([[reviewer.id, "resubmission"]]);
    expect(notes[0].title).toMatch(/^Resubmitted: "/);
  });

  it("writes the event, its notifications and its emails together or not at all", async () => {
    const id = await submittedEntry();
    const count = async (table: "workflow_events" | "notifications" | "email_outbox") =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const before = { events: await count("workflow_events"), notes: await count("notifications"), mail: await count("email_outbox") };
    // Make the last write of the transition (the outbox) fail.
    await sql`create trigger fail_outbox before insert on email_outbox begin select raise(abort, 'outbox unavailable'); end`.execute(db);
    await expect(act(id, reviewer, "publish", { evidenceLabel: "worked", tagIds: [tagId] })).rejects.toThrow(/outbox unavailable/);
    await sql`drop trigger fail_outbox`.execute(db);
    expect((await getReviewEntry(db, id))!.status).toBe("in_review");
    expect({ events: await count("workflow_events"), notes: await count("notifications"), mail: await count("email_outbox") }).toEqual(before);
    expect(await findPublishedEntry(db, "operation-quiet-streets")).toEqual({ kind: "missing" });
  });
});
