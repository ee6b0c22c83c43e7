import type { Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/axe";
import { editor, fillCompleteEntry, startEntry, waitForEditors, waitForSaved } from "./support/entry-editor";
import { DEMO, expect, open, signIn, test } from "./support/fixtures";

// The whole journey of one entry, in one browser, each person signing in in
// turn: a Sussex lead writes and submits it; a reviewer takes it, comments
// and asks for changes; the lead revises and resubmits; the reviewer sees
// the changed words and publishes it; a visitor reads it; the lead's
// notifications tell the story. The title is unique, so the test does not
// depend on what other specs leave in the shared demo database.

// Typing into eight editors and several axe scans on a busy 2-core machine.
test.describe.configure({ timeout: 300_000 });

const SUFFIX = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const TITLE = `Operation Waypoint ${SUFFIX}: shop theft in Horsham`;
const FIRST_RESULTS = "Reports fell from 60 a month to 41 within the year.";
const REVISED_RESULTS = "Reports fell from 60 a month to 35 within the year.";
const CHANGES_MESSAGE = "Please check the figure in the results against the crime data.";
const SECTION_COMMENT = "Is 41 the monthly figure at the end of the year?";

async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Sign out/ }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
}

/** The lead fills in every section of the new entry and submits it. */
async function writeAndSubmit(page: Page) {
  const id = await startEntry(page);
  await fillCompleteEntry(page, { title: TITLE, unit: "Horsham neighbourhood team", results: FIRST_RESULTS });
  // Submitting during an autosave is covered in entry-form.spec.ts; here the draft is saved first.
  await waitForSaved(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(new RegExp(`/submissions/${id}\\?submitted=1$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Entry submitted for review");
  return id;
}

/** The reviewer finds the entry in the queue, takes it, comments on the results and asks for changes. */
async function claimAndRequestChanges(page: Page, id: number) {
  await open(page, "/review");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: TITLE }) });
  await expect(row).toBeVisible();
  await expectNoA11yViolations(page);
  await row.getByRole("button", { name: `Take it for ${TITLE}` }).click();
  // Taking it opens it.
  await expect(page).toHaveURL(new RegExp(`/review/${id}\\?done=claim$`));
  await expect(page.getByTestId("success-banner")).toContainText("You have taken this entry.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByTestId("assigned-to")).toHaveText("You");
  await expectNoA11yViolations(page);

  await page.getByLabel("What the comment is about").selectOption({ label: "Results" });
  await page.getByLabel("Comment", { exact: true }).fill(SECTION_COMMENT);
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByTestId("success-banner")).toContainText("Your comment has been added.");

  await page.getByLabel("What needs to change").fill(CHANGES_MESSAGE);
  await page.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByTestId("success-banner")).toContainText("Changes have been requested");
  await expect(page.getByTestId("entry-status")).toContainText("Changes requested");
}

/** The lead reads the reviewer's message and comment beside the entry, changes the results and resubmits. */
async function reviseAndResubmit(page: Page, id: number) {
  await open(page, `/submissions/${id}`);
  await expect(page.getByRole("region", { name: "Important" })).toContainText(CHANGES_MESSAGE);
  const comments = page.getByRole("region", { name: "Comments" });
  await expect(comments.getByRole("heading", { level: 3, name: "Results" })).toBeVisible();
  await expect(comments.getByText(SECTION_COMMENT)).toBeVisible();

  await page.getByRole("link", { name: "Continue editing" }).click();
  await expect(page).toHaveURL(new RegExp(`/submissions/${id}/edit$`));
  await waitForEditors(page);
  const results = editor(page, "Results");
  await results.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(REVISED_RESULTS);
  await expect(results).toHaveText(REVISED_RESULTS);
  await waitForSaved(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(new RegExp(`/submissions/${id}\\?submitted=1$`));
}

/** The reviewer sees which words changed and publishes with an evidence label and topics. */
async function checkChangesAndPublish(page: Page, id: number) {
  await open(page, `/review/${id}`);
  await expect(page.getByTestId("entry-status")).toContainText("In review");
  const results = page.getByTestId("since-last-results");
  await results.getByText(/^Changes since the last submission \(/).click();
  await expect(results.getByRole("deletion")).toHaveText(["[removed: 41]"]);
  await expect(results.getByRole("insertion")).toHaveText(["[added: 35]"]);
  await expect(page.getByTestId("since-last-problem")).toHaveText("Changes since the last submission: no changes.");

  await page.getByRole("group", { name: "What the evidence shows" }).getByRole("radio", { name: "Promising" }).check();
  const topics = page.getByRole("group", { name: "Topics" });
  await expect(topics.getByRole("checkbox", { name: "Shop theft (retail crime)" })).toBeChecked();
  await topics.getByRole("checkbox", { name: "Problem solving" }).check();
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByTestId("success-banner")).toContainText("The entry has been published.");
  const link = page.getByRole("link", { name: "View the published entry" });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/practice\/operation-waypoint-[a-z0-9-]+$/);
  return href!;
}

test("an entry goes from a lead's draft through review and changes to the public practice bank", async ({ page }) => {
  await signIn(page, DEMO.sussexLead);
  const id = await writeAndSubmit(page);
  await signOut(page);

  await signIn(page, DEMO.reviewer);
  await claimAndRequestChanges(page, id);
  await signOut(page);

  await signIn(page, DEMO.sussexLead);
  await reviseAndResubmit(page, id);
  await signOut(page);

  await signIn(page, DEMO.reviewer);
  const publicPath = await checkChangesAndPublish(page, id);
  await signOut(page);

  // A visitor, signed out.
  const response = await open(page, publicPath);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByText("Evidence:")).toContainText("Promising");
  for (const topic of ["Shop theft (retail crime)", "Problem solving"]) {
    await expect(page.getByRole("main").getByText(topic, { exact: true })).toBeVisible();
  }
  for (const section of ["The problem", "What you did", "Results", "What you learned"]) {
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByText(REVISED_RESULTS)).toBeVisible();
  await expect(page.getByText(FIRST_RESULTS)).toHaveCount(0);

  await signIn(page, DEMO.sussexLead);
  await open(page, "/notifications");
  const list = page.getByTestId("notification-list");
  await expect(list.getByText(`"${TITLE}" was submitted for review`, { exact: true })).toHaveCount(2);
  await expect(list.getByText(`Changes requested to "${TITLE}"`, { exact: true })).toBeVisible();
  await expect(list.getByText(`"${TITLE}" has been published`, { exact: true })).toBeVisible();
});
