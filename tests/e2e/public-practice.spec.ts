import path from "node:path";
import { addComment, applyTransition, type ActingUser } from "../../app/models/entry-workflow.server";
import { createDraftEntry, submitForReview } from "../../app/models/practice.server";
import { ENTRY_ARRAY_FIELDS, entrySubmitSchema } from "../../app/schemas/practice-entry";
import { formToObject } from "../../app/lib/form-values";
import { openDatabase, type DB } from "../../db/connection";
import { completeEntryForm } from "../support/entries";
import { expectNoA11yViolations } from "./support/axe";
import { DEMO, expect, open, signIn, test } from "./support/fixtures";

// The demo database has no published entries, and the review pages are
// built separately, so the entries these pages need are made straight in the
// server's database file with the same model functions the pages use. The
// Hampshire lead and the second reviewer are used, and the notifications this
// makes for anyone else are marked read, so other specs see what they expect.

const DATABASE_PATH = path.join(process.env.PRACTICE_BANK_E2E_DB_DIR!, "practice-bank.sqlite");
const TITLE = "Safer streets by the seafront";

let live: { entryId: number; slug: string };
let archived: { entryId: number; slug: string };
let changesRequested: number;

async function actingUser(db: DB, email: string): Promise<ActingUser> {
  const u = await db.selectFrom("users").select(["id", "name", "role", "organisation_id"]).where("email", "=", email).executeTakeFirstOrThrow();
  return { id: u.id, name: u.name, role: u.role, organisationId: u.organisation_id };
}

async function stateVersion(db: DB, entryId: number) {
  return (await db.selectFrom("practice_entries").select("state_version").where("id", "=", entryId).executeTakeFirstOrThrow()).state_version;
}

async function submitted(db: DB, lead: ActingUser, tagId: number, title: string) {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(completeEntryForm(tagId, { title }))) for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  const draft = entrySubmitSchema.parse(formToObject(form, ENTRY_ARRAY_FIELDS));
  const entryId = await createDraftEntry(db, { id: lead.id, organisationId: lead.organisationId! });
  const result = await submitForReview(db, { entryId, organisationId: lead.organisationId!, userId: lead.id, baseVersion: 1, draft });
  if (!result.ok) throw new Error(`submit failed: ${JSON.stringify(result)}`);
  return entryId;
}

async function reviewerMove(db: DB, entryId: number, reviewer: ActingUser, action: "publish" | "archive" | "request_changes", extra: { reason?: string; tagIds?: number[] } = {}) {
  const outcome = await applyTransition(db, {
    entryId, action, actor: reviewer, expectedStateVersion: await stateVersion(db, entryId), evidenceLabel: action === "publish" ? "worked" : undefined, ...extra,
  });
  if (!outcome.ok) throw new Error(`${action} failed: ${outcome.message}`);
  return outcome;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const db = openDatabase(DATABASE_PATH);
  try {
    const lead = await actingUser(db, DEMO.hampshireLead);
    const reviewer = await actingUser(db, "reviewer2@demo.test");
    const tagId = (await db.selectFrom("tags").select("id").where("slug", "=", "youth").executeTakeFirstOrThrow()).id;
    const firstNotification = (await db.selectFrom("notifications").select((eb) => eb.fn.max("id").as("max")).executeTakeFirst())?.max ?? 0;

    const liveId = await submitted(db, lead, tagId, TITLE);
    live = { entryId: liveId, slug: (await reviewerMove(db, liveId, reviewer, "publish", { tagIds: [tagId] })).slug! };
    const archivedId = await submitted(db, lead, tagId, "A scheme that was taken down");
    archived = { entryId: archivedId, slug: (await reviewerMove(db, archivedId, reviewer, "publish", { tagIds: [tagId] })).slug! };
    await reviewerMove(db, archivedId, reviewer, "archive", { reason: "Out of date." });
    changesRequested = await submitted(db, lead, tagId, "Beach patrols with lifeguards");
    await addComment(db, changesRequested, reviewer, "Give the number of incidents before and after.", "results");
    await reviewerMove(db, changesRequested, reviewer, "request_changes", { reason: "Please add figures to the results." });

    await db
      .updateTable("notifications")
      .set({ read_at: new Date().toISOString() })
      .where("id", ">", Number(firstNotification))
      .where("user_id", "!=", lead.id)
      .execute();
  } finally {
    await db.destroy();
  }
});

test("a published entry's public page has no WCAG 2.2 AA violations", async ({ page }) => {
  const response = await open(page, `/practice/${live.slug}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toBe("public, max-age=60");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByText("Evidence:")).toContainText("Worked");
  await expect(page.getByRole("heading", { level: 2, name: "The problem" })).toBeVisible();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a taken-down entry answers 410 with a short explanation", async ({ page, consoleErrors }) => {
  consoleErrors.allowHttpStatus(410, `/practice/${archived.slug}`);
  const response = await open(page, `/practice/${archived.slug}`);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page has been taken down");
  await expect(page.getByText("This practice entry has been taken down by the College's practice team.")).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a lead's entry with changes requested has no WCAG 2.2 AA violations", async ({ page }) => {
  await signIn(page, DEMO.hampshireLead);
  await open(page, `/submissions/${changesRequested}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beach patrols with lifeguards");
  await expect(page.getByRole("region", { name: "Important" })).toContainText("Please add figures to the results.");
  await expect(page.getByRole("heading", { name: "Results", level: 3 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History", level: 2 })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("the notifications page has no WCAG 2.2 AA violations", async ({ page }) => {
  await signIn(page, DEMO.hampshireLead);
  await open(page, "/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: /^Notifications \(\d+ unread\)$/ })).toBeVisible();
  await expect(page.getByText("New", { exact: true }).first()).toBeVisible();
  await expectNoA11yViolations(page);
});

test("opening a notification marks it read; so does marking all as read", async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.hampshireLead);
  await open(page, "/notifications");
  const nav = page.getByRole("navigation", { name: "Menu" });
  const before = Number(/\((\d+) unread\)/.exec((await nav.getByRole("link", { name: /^Notifications/ }).textContent()) ?? "")![1]);
  await page.getByRole("button", { name: 'Changes requested to "Beach patrols with lifeguards"' }).click();
  await expect(page).toHaveURL(new RegExp(`/submissions/${changesRequested}$`));
  await expect(nav.getByRole("link", { name: `Notifications (${before - 1} unread)` })).toBeVisible();

  await open(page, "/notifications");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("All your notifications are marked as read.")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
});
