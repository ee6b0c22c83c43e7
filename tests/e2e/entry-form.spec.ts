import type { Browser, Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/axe";
import {
  editor, fillCompleteEntry, RICH_TEXT_LABELS, SAVE_TIMEOUT, saveStatus, startEntry, summaryField, titleField, typeInEditor, waitForEditors, waitForSaved,
} from "./support/entry-editor";
import { DEMO, DEMO_PASSWORD, expect, open, signIn, tabTo, test } from "./support/fixtures";

// The practice entry form: writing with the keyboard alone, autosave, the
// rich-text editor, checking before submission, a conflict between two
// colleagues, the preview, the form without JavaScript, access from another
// force, and WCAG checks on each state. Every test starts its own entry, so
// they can share the two workers rather than queue in one.
//
// Timeouts: on a busy 2-core machine typing key by key and an axe scan of this
// long form each take many seconds, so these tests get longer than the
// config's 60 s, and the two-browser test longer still.
test.describe.configure({ mode: "parallel", timeout: 150_000 });

const SUSSEX_COLLEAGUE = "sussex.colleague@demo.test"; // Jo Morgan, Sussex Police
const SUSSEX_LEAD_NAME = "Sam Patel";

/**
 * A second signed-in browser (another person) for tests with two users. The
 * shared console guard watches only the test's own context, so this one
 * keeps its own list and close() fails the test on any console error.
 */
async function secondBrowser(browser: Browser, email: string) {
  const context = await browser.newContext();
  const errors: string[] = [];
  context.on("console", (m) => {
    if (m.type() === "error") errors.push(`${m.text()} (at ${m.location().url})`);
  });
  context.on("weberror", (e) => errors.push(`Uncaught ${e.error().stack ?? e.error().message}`));
  const page = await context.newPage();
  await signIn(page, email);
  return {
    page,
    async close() {
      await context.close();
      expect(errors, `the second browser (${email}) logged errors to the console`).toEqual([]);
    },
  };
}

/**
 * The lead (second browser) and the colleague (`page`) both open a new draft;
 * the lead saves a title; the colleague then types a summary, whose autosave
 * is refused because it was based on the older version.
 */
async function makeConflict(page: Page, browser: Browser, allow409: (pathname: string) => void) {
  const lead = await secondBrowser(browser, DEMO.sussexLead);
  try {
    const id = await startEntry(lead.page);
    allow409(`/submissions/${id}/autosave`);

    await signIn(page, SUSSEX_COLLEAGUE);
    await open(page, `/submissions/${id}/edit`);
    await waitForEditors(page);
    await expect(saveStatus(page)).toHaveText(new RegExp(`^Last saved .+ by ${SUSSEX_LEAD_NAME}$`));

    const leadTitle = `Operation Beacon ${id}`;
    await titleField(lead.page).pressSequentially(leadTitle);
    await waitForSaved(lead.page);

    const colleagueSummary = "We walked the routes with pupils.";
    await summaryField(page).pressSequentially(colleagueSummary);
    await expect(page.getByRole("heading", { name: "Someone else changed this entry" })).toBeVisible({ timeout: SAVE_TIMEOUT });
    return { lead, id, leadTitle, colleagueSummary };
  } catch (error) {
    await lead.close().catch(() => {});
    throw error;
  }
}

test.describe("writing an entry with JavaScript", () => {
  test("a lead writes with the keyboard alone, formatting included, and autosave keeps it", async ({ page }) => {
    await signIn(page, DEMO.sussexLead);
    await startEntry(page);
    await expect(saveStatus(page)).toHaveText(new RegExp(`^Last saved .+ by ${SUSSEX_LEAD_NAME}$`));

    // From here on, no mouse: Tab, typing and key presses only.
    const title = "Operation Lantern: lighting up the rec";
    const summary = "Motorbikes in the park at night.";
    await tabTo(page, titleField(page));
    await page.keyboard.type(title);
    await page.keyboard.press("Tab");
    await expect(summaryField(page)).toBeFocused();
    await page.keyboard.type(summary);

    const problem = editor(page, "The problem");
    await tabTo(page, problem, 100);
    await page.keyboard.type("Repeated calls about ");
    await page.keyboard.press("Control+B");
    await page.keyboard.type("nuisance");
    await page.keyboard.press("Control+B");
    await page.keyboard.type(" motorbikes after dark.");
    await page.keyboard.press("Enter");

    // Shift+Tab leaves the editor for its toolbar, which is one tab stop; the arrows move along it.
    const toolbar = page.getByRole("toolbar", { name: "Formatting for The problem" });
    await page.keyboard.press("Shift+Tab");
    await expect(toolbar.getByRole("button", { name: "Bold", exact: true })).toBeFocused();
    const bullets = toolbar.getByRole("button", { name: "Bullets", exact: true });
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await expect(bullets).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(problem).toBeFocused();
    await expect(bullets).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.type("Evening patrols");
    await page.keyboard.press("Enter");
    await page.keyboard.type("New lighting by the skate park");

    await expect(problem.locator("strong")).toHaveText("nuisance");
    await expect(problem.getByRole("listitem")).toHaveText(["Evening patrols", "New lighting by the skate park"]);
    await waitForSaved(page);

    await page.reload();
    await waitForEditors(page);
    await expect(titleField(page)).toHaveValue(title);
    await expect(summaryField(page)).toHaveValue(summary);
    await expect(problem.getByRole("paragraph").first()).toHaveText("Repeated calls about nuisance motorbikes after dark.");
    await expect(problem.locator("strong")).toHaveText("nuisance");
    await expect(problem.getByRole("listitem")).toHaveText(["Evening patrols", "New lighting by the skate park"]);
    await expect(saveStatus(page)).toHaveText(new RegExp(`^Last saved .+ by ${SUSSEX_LEAD_NAME}$`));
  });

  test("autosave keeps saving through a long visit, not only the first time", async ({ page }) => {
    await signIn(page, DEMO.sussexLead);
    await startEntry(page);
    await titleField(page).pressSequentially("Operation Evergreen");
    await waitForSaved(page);

    // A second and third save in the same visit are based on the version the
    // previous save made, so they are not mistaken for someone else's change.
    await summaryField(page).pressSequentially("Weekly surgeries in the library.");
    await waitForSaved(page);
    await typeInEditor(page, "The problem", "Nobody came to the old surgeries.");
    await waitForSaved(page);
    await expect(page.getByRole("heading", { name: "Someone else changed this entry" })).toHaveCount(0);

    await page.reload();
    await waitForEditors(page);
    await expect(titleField(page)).toHaveValue("Operation Evergreen");
    await expect(summaryField(page)).toHaveValue("Weekly surgeries in the library.");
    await expect(editor(page, "The problem")).toHaveText("Nobody came to the old surgeries.");
  });

  test("submitting an incomplete entry shows the error summary, focused, linking to each field", async ({ page }) => {
    await signIn(page, DEMO.sussexLead);
    const id = await startEntry(page);

    await page.getByRole("button", { name: "Submit for review" }).click();

    const summary = page.getByRole("alert");
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    await expect(summary.getByRole("link", { name: "Enter a title" })).toHaveAttribute("href", "#title");
    await expect(summary.getByRole("link", { name: "Select the main purpose" })).toHaveAttribute("href", "#purpose");
    const aimLink = summary.getByRole("link", { name: "Describe the aim and intended outcome" });
    await expect(aimLink).toHaveAttribute("href", "#aim");
    await expect(summary.getByRole("link", { name: "Confirm that you have permission to publish this entry" })).toHaveAttribute(
      "href",
      "#permissionToPublish",
    );

    // Following an error's link with the keyboard puts focus in the editor it names.
    await tabTo(page, aimLink);
    await page.keyboard.press("Enter");
    const aim = editor(page, "Aim and intended outcome");
    await expect(aim).toBeFocused();
    await expect(aim).toHaveAttribute("aria-invalid", "true");
    await expect(aim).toHaveAccessibleDescription(/Error:\s+Describe the aim and intended outcome$/);
    await expect(titleField(page)).toHaveAttribute("aria-invalid", "true");

    await expect(page).toHaveURL(new RegExp(`/submissions/${id}/edit$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write up an initiative");
  });

  test("a complete entry is submitted for review", async ({ page }) => {
    await signIn(page, DEMO.sussexLead);
    const id = await startEntry(page);
    const title = `Operation Compass ${id}: shop theft in Crawley`;

    await fillCompleteEntry(page, { title, unit: "Crawley town centre neighbourhood team", results: "Reports fell from 60 a month to 41." });
    // Submit while an autosave is still on its way (held up for 2 seconds):
    // the submission waits for it and goes with the version it made, rather
    // than being refused as a conflict with the author's own save.
    await page.route(/\/autosave$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await page.getByLabel("Contact role").fill("Neighbourhood Inspector (acting)");
    await expect(page.getByText("Saving...")).toBeVisible();

    await page.getByRole("button", { name: "Submit for review" }).click();

    await expect(page).toHaveURL(new RegExp(`/submissions/${id}\\?submitted=1$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Entry submitted for review");
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
    const statusRow = page.locator(".govuk-summary-list__row").filter({ has: page.getByRole("term").filter({ hasText: /^Status$/ }) });
    await expect(statusRow.getByRole("definition")).toHaveText("In review");
    await expect(page.getByRole("link", { name: "Continue editing" })).toHaveCount(0);
  });

  test("the preview shows the entry as the public will see it, with its formatting, and meets WCAG 2.2 AA", async ({ page }) => {
    await signIn(page, DEMO.sussexLead);
    const id = await startEntry(page);
    const title = `Operation Harbour ${id}: a quieter seafront`;
    await titleField(page).fill(title);
    await typeInEditor(page, "The problem", "Groups gathered on the seafront and ");
    await page.keyboard.press("Control+B");
    await page.keyboard.type("intimidated");
    await page.keyboard.press("Control+B");
    await page.keyboard.type(" passers-by.");
    await waitForSaved(page);

    await page.getByRole("link", { name: "Preview", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/submissions/${id}/preview$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const problem = page.getByRole("region", { name: "The problem" });
    await expect(problem.getByRole("heading", { level: 2 })).toHaveText("The problem");
    await expect(problem.getByRole("paragraph")).toHaveText("Groups gathered on the seafront and intimidated passers-by.");
    await expect(problem.locator("strong")).toHaveText("intimidated");
    // Sections with nothing in them are left out.
    await expect(page.getByRole("heading", { name: "Aim and intended outcome" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Go back to editing" })).toHaveAttribute("href", `/submissions/${id}/edit`);
    await test.step("the preview has no WCAG 2.2 AA violations", () => expectNoA11yViolations(page));
  });
});

test("two colleagues edit the same draft: the later save shows what differs (meeting WCAG 2.2 AA) and can keep its version", async ({
  page,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  const { lead, leadTitle, colleagueSummary } = await makeConflict(page, browser, (pathname) =>
    consoleErrors.allowHttpStatus(409, pathname),
  );
  try {
    const panel = page.getByRole("alert").filter({ hasText: "Someone else changed this entry" });
    await expect(panel).toBeFocused();
    await expect(panel).toContainText(`${SUSSEX_LEAD_NAME} saved a newer version at`);
    await expect(panel.getByText("What is different (2)")).toBeVisible();
    const table = panel.getByRole("table", { name: "Their version compared with yours" });
    await expect(table.getByRole("row", { name: /^Title / }).getByRole("cell")).toHaveText([leadTitle, "(empty)"]);
    await expect(table.getByRole("row", { name: /^Summary / }).getByRole("cell")).toHaveText(["(empty)", colleagueSummary]);
    await expect(saveStatus(page)).toHaveText("Not saved: someone else saved this entry while you were editing");
    // Nothing the colleague typed is lost.
    await expect(summaryField(page)).toHaveValue(colleagueSummary);
    await expect(titleField(page)).toHaveValue("");
    await test.step("the conflict state has no WCAG 2.2 AA violations", () => expectNoA11yViolations(page));

    await panel.getByRole("button", { name: "Keep my version and save it" }).click();
    await waitForSaved(page);
    await expect(page.getByRole("heading", { name: "Someone else changed this entry" })).toHaveCount(0);

    // Keeping one's version replaces theirs as a whole, as the panel says.
    await lead.page.reload();
    await waitForEditors(lead.page);
    await expect(summaryField(lead.page)).toHaveValue(colleagueSummary);
    await expect(titleField(lead.page)).toHaveValue("");
    await expect(saveStatus(lead.page)).toHaveText(/^Last saved .+ by Jo Morgan$/);
  } finally {
    await lead.close();
  }
});

test.describe("the entry form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sections are plain textareas and Save draft saves through the server", async ({ page }) => {
    await open(page, "/login", { javaScript: false });
    await page.getByLabel("Email address").fill(DEMO.sussexLead);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/submissions$/);
    const id = await startEntry(page, { javaScript: false });

    await expect(page.getByRole("toolbar")).toHaveCount(0);
    for (const label of RICH_TEXT_LABELS) {
      await expect(editor(page, label)).toHaveJSProperty("tagName", "TEXTAREA");
    }

    const title = `Operation Tidewater ${id}: safer moorings`;
    const problem = "Thefts from boats rose over the summer.\n\nMost were from unlocked lockers.";
    await titleField(page).fill(title);
    await editor(page, "The problem").fill(problem);
    await page.getByRole("button", { name: "Save draft" }).click();

    await expect(page).toHaveURL(new RegExp(`/submissions/${id}/edit\\?saved=1$`));
    await expect(page.getByRole("status").filter({ hasText: "Success" })).toContainText("Your draft has been saved.");
    await expect(titleField(page)).toHaveValue(title);
    await expect(editor(page, "The problem")).toHaveValue(problem);
    await expect(saveStatus(page)).toHaveText(new RegExp(`^Last saved .+ by ${SUSSEX_LEAD_NAME}$`));
  });
});

test("a lead from another force gets Page not found for a Sussex draft", async ({ page, browser, consoleErrors }) => {
  const sussex = await secondBrowser(browser, DEMO.sussexLead);
  const id = await startEntry(sussex.page).finally(() => sussex.close());

  await signIn(page, DEMO.hampshireLead);
  for (const path of [`/submissions/${id}/edit`, `/submissions/${id}/preview`, `/submissions/${id}`]) {
    consoleErrors.allowHttpStatus(404, path);
    const response = await open(page, path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(titleField(page)).toHaveCount(0);
  }

  // Nor can it be saved over: the autosave address answers the same way.
  const save = await page.request.post(`/submissions/${id}/autosave`, { form: { version: "1", title: "Taken over", richTextFormat: "json" } });
  expect(save.status()).toBe(404);
});

test.describe("entry form accessibility", () => {
  test("the start page and the empty edit form have no WCAG 2.2 AA violations", async ({ page }) => {
    await signIn(page, DEMO.sussexLead);
    await page.getByRole("link", { name: "Write up an initiative", exact: true }).click();
    await expect(page.getByRole("button", { name: "Start now" })).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole("button", { name: "Start now" }).click();
    await expect(page).toHaveURL(/\/submissions\/\d+\/edit$/);
    await waitForEditors(page);
    await expectNoA11yViolations(page);
  });

  test("the edit form showing errors has no WCAG 2.2 AA violations", async ({ page }) => {
    await signIn(page, DEMO.sussexLead);
    await startEntry(page);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(editor(page, "The problem")).toHaveAttribute("aria-invalid", "true");
    await expectNoA11yViolations(page);
  });
});

test("the cost band, required on submit, comes before the optional words about cost and is not called optional", async ({ page }) => {
  await signIn(page, DEMO.sussexLead);
  await startEntry(page);
  const band = page.getByRole("group", { name: "Cost band" });
  const details = editor(page, "More about the cost (optional)");
  await expect(band).toBeVisible();
  expect((await band.boundingBox())!.y).toBeLessThan((await details.boundingBox())!.y);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("link", { name: "Select the cost band" })).toBeVisible();
  await expect(page.getByRole("link", { name: /cost \(optional\)/i })).toHaveCount(0);
});

test("a save from the same person's other tab is named as theirs, not someone else's", async ({ page, context, consoleErrors }) => {
  await signIn(page, DEMO.sussexLead);
  const id = await startEntry(page);
  // The refused save is a 409, which Chromium logs.
  consoleErrors.allowHttpStatus(409, `/submissions/${id}/autosave`);
  const other = await context.newPage();
  await open(other, `/submissions/${id}/edit`);
  await waitForEditors(other);
  await titleField(other).pressSequentially(`Second tab ${id}`);
  await waitForSaved(other);
  await summaryField(page).pressSequentially("Typed in the first tab.");
  await expect(page.getByRole("heading", { name: "You changed this entry in another tab or window" })).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page.getByRole("alert").filter({ hasText: "in another tab or window" })).toContainText(/You saved a newer version at .+, in another tab or window\./);
  await other.close();
});
