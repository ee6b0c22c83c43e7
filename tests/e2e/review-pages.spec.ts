import type { APIRequestContext, Browser } from "@playwright/test";
import { completeEntryForm, doc } from "../support/entries";
import { expectNoA11yViolations } from "./support/axe";
import { DEMO, DEMO_PASSWORD, expect, open, signIn, tabTo, test } from "./support/fixtures";

// The reviewers' pages in a real browser: no WCAG 2.2 AA violations on the
// queue (empty and not) and on a review page with its changes open, and a
// reviewer can approve and publish with the keyboard alone.
//
// Entries are written and submitted by the demo Sussex lead over HTTP, the
// way the lead's own form sends them, so these tests do not depend on the
// editor's pages.

async function formPost(request: APIRequestContext, path: string, values: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  const res = await request.post(path, {
    data: body.toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(res.status(), `POST ${path}`).toBeLessThan(400);
  return res;
}

/** A lead's signed-in HTTP client, in a browser context of its own. */
async function leadRequests(browser: Browser) {
  const context = await browser.newContext();
  await formPost(context.request, "/login", { email: DEMO.sussexLead, password: DEMO_PASSWORD });
  return context;
}

/** Writes and submits a complete entry as the Sussex lead; returns its id. */
async function submitEntry(browser: Browser, title: string) {
  const context = await leadRequests(browser);
  try {
    const created = await formPost(context.request, "/submissions/new", {});
    const id = Number(/\/submissions\/(\d+)\/edit/.exec(created.url())![1]);
    const editPage = await (await context.request.get(`/submissions/${id}/edit`)).text();
    const tagId = /name="tagIds"[^>]*value="(\d+)"/.exec(editPage)![1];
    await formPost(context.request, `/submissions/${id}/edit`, { intent: "submit", version: "1", ...completeEntryForm(Number(tagId), { title }) });
    return { id, tagId: Number(tagId) };
  } finally {
    await context.close();
  }
}

/** The lead sends the entry back with some words changed, after a reviewer asked for changes. */
async function resubmitEntry(browser: Browser, id: number, tagId: number, title: string) {
  const context = await leadRequests(browser);
  try {
    await formPost(context.request, `/submissions/${id}/edit`, {
      intent: "submit",
      version: "1",
      ...completeEntryForm(tagId, {
        title,
        results: JSON.stringify(doc("Reports fell from 120 to 60 in six months, and stayed down over the summer.")),
      }),
    });
  } finally {
    await context.close();
  }
}

test("the review queue with nothing to show has no WCAG 2.2 AA violations", async ({ page }) => {
  await signIn(page, DEMO.reviewer);
  await expect(page).toHaveURL(/\/review$/);
  // An organisation no test writes for: its queue is always empty.
  await page.getByLabel("Organisation").selectOption({ label: "Civil Nuclear Constabulary" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/organisation=\d+/);
  await expect(page.getByTestId("queue-empty")).toBeVisible();
  await expect(page.getByTestId("review-queue")).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("the review queue with entries has no WCAG 2.2 AA violations, and filters and claims work", async ({ page, browser }) => {
  test.slow();
  const title = `Queue check ${Date.now()}`;
  const { id } = await submitEntry(browser, title);
  await signIn(page, DEMO.reviewer);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row).toBeVisible();
  await expect(page.getByRole("link", { name: /^In review \(\d+\)$/ })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole("checkbox", { name: "In review" }).check();
  await page.getByRole("radio", { name: "Not assigned to anyone" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/state=in_review/);
  await expect(page.getByRole("radio", { name: "Not assigned to anyone" })).toBeChecked();
  await row.getByRole("button", { name: `Take it for ${title}` }).click();
  // Taking it opens it.
  await expect(page).toHaveURL(new RegExp(`/review/${id}\\?done=claim$`));
  await expect(page.getByTestId("success-banner")).toContainText("You have taken this entry.");
  await expect(page.getByTestId("assigned-to")).toHaveText("You");
});

test("a review page with changes since the last submission has no WCAG 2.2 AA violations", async ({ page, browser }) => {
  test.slow();
  const title = `Diff check ${Date.now()}`;
  const { id, tagId } = await submitEntry(browser, title);
  await signIn(page, DEMO.reviewer);
  await open(page, `/review/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectNoA11yViolations(page);

  // Asking for changes without a message is stopped in the browser, with the GOV.UK error summary.
  await page.getByRole("button", { name: "Request changes" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Enter what needs to change" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel("What needs to change").fill("Give the figures for the summer.");
  await page.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByTestId("success-banner")).toContainText("Changes have been requested");
  await expect(page.getByTestId("entry-status")).toContainText("Changes requested");

  await resubmitEntry(browser, id, tagId, title);
  await open(page, `/review/${id}`);
  const results = page.getByTestId("since-last-results");
  await results.getByText(/Changes since the last submission/).click();
  await expect(results.locator("ins").first()).toBeVisible();
  await expect(results.locator("del").first()).toContainText("80");
  await expect(page.getByTestId("since-last-problem")).toHaveText("Changes since the last submission: no changes.");
  await expectNoA11yViolations(page);
});

test("a reviewer approves and publishes with the keyboard", async ({ page, browser }) => {
  test.slow();
  const title = `Keyboard publish ${Date.now()}`;
  const { id } = await submitEntry(browser, title);
  await signIn(page, DEMO.reviewer);
  await open(page, `/review?state=in_review`);

  await tabTo(page, page.getByRole("link", { name: title }), 120);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/review/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // Sent without an evidence label, the form says what is missing.
  const publish = page.getByRole("button", { name: "Approve and publish" });
  await tabTo(page, publish, 150);
  await page.keyboard.press("Enter");
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Select what the evidence shows" })).toBeVisible();

  // The error links to the first choice; Space picks it.
  await tabTo(page, summary.getByRole("link", { name: "Select what the evidence shows" }), 5);
  await page.keyboard.press("Enter");
  const promising = page.getByRole("radio", { name: "Promising" });
  await expect(page.getByRole("radio", { name: "Worked" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(promising).toBeFocused();
  await expect(promising).toBeChecked();
  // The force's topic is already ticked.
  await expect(page.getByRole("group", { name: "Topics" }).getByRole("checkbox", { checked: true })).toHaveCount(1);

  await tabTo(page, publish, 40);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("success-banner")).toContainText("The entry has been published.");
  await expect(page.getByTestId("entry-status")).toContainText("Published");
  await expect(page.getByTestId("entry-status")).toContainText("Promising");
  await expect(page.getByRole("link", { name: "View the published entry" })).toHaveAttribute("href", /^\/practice\/keyboard-publish-\d+$/);
  await expect(page.getByRole("button", { name: "Take down entry" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
});
