import { addComment } from "../../app/models/entry-workflow.server";
import { expectNoA11yViolations } from "./support/axe";
import { DEMO, expect, open, signIn, test } from "./support/fixtures";
import { actingUser, lastNotificationId, markOthersRead, move, publishedEntry, submittedEntry, tagIdOf, withE2eDatabase } from "./support/published-entries";

// The demo database's invented case studies are all plainly published, and
// the review pages are built separately, so the entries these pages need (one
// live, one taken down, one sent back) are made straight in the server's
// database file with the same model functions the pages use. The
// Hampshire lead and the second reviewer are used, and the notifications this
// makes for anyone else are marked read, so other specs see what they expect.

const TITLE = "Safer streets by the seafront";

let live: { entryId: number; slug: string };
let archived: { entryId: number; slug: string };
let changesRequested: number;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await withE2eDatabase(async (db) => {
    const lead = await actingUser(db, DEMO.hampshireLead);
    const reviewer = await actingUser(db, "reviewer2@demo.test");
    const tagId = await tagIdOf(db, "youth");
    const firstNotification = await lastNotificationId(db);

    live = await publishedEntry(db, lead, reviewer, tagId, { title: TITLE }, { evidenceLabel: "worked" });
    archived = await publishedEntry(db, lead, reviewer, tagId, { title: "A scheme that was taken down" });
    await move(db, archived.entryId, "archive", reviewer, { reason: "Out of date." });
    changesRequested = await submittedEntry(db, lead, tagId, { title: "Beach patrols with lifeguards" });
    await addComment(db, changesRequested, reviewer, "Give the number of incidents before and after.", "results");
    await move(db, changesRequested, "request_changes", reviewer, { reason: "Please add figures to the results." });

    await markOthersRead(db, firstNotification, lead.id);
  });
});

test("a published entry's public page has no WCAG 2.2 AA violations", async ({ page }) => {
  const response = await open(page, `/practice/${live.slug}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toBe("public, max-age=60");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByText("Evidence:")).toContainText("Worked");
  await expect(page.getByRole("heading", { level: 2, name: "The problem" })).toBeVisible();
  await expect(page.getByTestId("publication-dates")).toHaveText(/^Published \d{1,2} \w+ \d{4}$/);
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
