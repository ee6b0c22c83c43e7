import { expectNoA11yViolations } from "./support/axe";
import { DEMO, expect, signIn, test } from "./support/fixtures";

// A reviewer finds a published entry without knowing its number, to take it
// down: "All entries" in the header, a title search, a status filter, then
// the entry's review page or its public page. Uses the demo case studies.

const DEMO_TITLE = "Doorstep scam-prevention visits for older residents in Worthing";

test("a reviewer finds a published entry from 'All entries' and reaches its review and public pages", async ({ page }) => {
  await signIn(page, DEMO.reviewer);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "All entries" }).click();
  await expect(page).toHaveURL("/review/entries");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All entries");
  await expectNoA11yViolations(page);

  await page.getByLabel("Title contains").fill("doorstep scam");
  await page.getByRole("group", { name: "Status" }).getByLabel("Published").check();
  await page.getByRole("button", { name: "Search entries" }).click();
  await expect(page).toHaveURL(/q=doorstep\+scam&state=published/);
  const rows = page.getByTestId("all-entries").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Published");
  await expect(rows).toContainText("Sussex Police");

  await rows.getByRole("link", { name: /^View .* on the public site$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_TITLE);
  await page.goBack();
  await expect(page.getByLabel("Title contains")).toHaveValue("doorstep scam");
  await page.getByTestId("all-entries").getByRole("link", { name: DEMO_TITLE, exact: true }).click();
  await expect(page).toHaveURL(/\/review\/\d+$/);
  await expect(page.getByRole("button", { name: "Take down" })).toBeVisible();
});

test("the list sorts, has no WCAG 2.2 AA violations at 375 px, and an administrator sees it without review links", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, DEMO.reviewer);
  await page.goto("/review/entries?sort=title");
  const firstTitles = await page.getByTestId("all-entries").locator("tbody tr td:first-child").allTextContents();
  expect(firstTitles.length).toBeGreaterThan(1);
  expect([...firstTitles].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }))).toEqual(firstTitles);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: /^Sign out/ }).click();

  await signIn(page, DEMO.admin);
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "All entries" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All entries");
  await expect(page.getByTestId("all-entries").getByRole("link", { name: DEMO_TITLE, exact: true })).toHaveCount(0);
  await expect(page.getByTestId("all-entries").getByRole("link", { name: `View ${DEMO_TITLE} on the public site` })).toBeVisible();
  await expectNoA11yViolations(page);
});
