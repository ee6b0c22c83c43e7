import type { Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/axe";
import { DEMO, expect, open, signIn, test } from "./support/fixtures";

// A phone 375 px wide (the same layout as a 1280 px screen at 340% zoom).

const PHONE = { width: 375, height: 740 };

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, "the page scrolls sideways").toBeLessThanOrEqual(widths.client);
}

/** Every table fits its wrapper, so nothing has to be scrolled inside it either. */
async function expectTablesFit(page: Page) {
  const tables = page.locator("table");
  expect(await tables.count()).toBeGreaterThan(0);
  for (const table of await tables.all()) {
    const fits = await table.evaluate((t) => t.scrollWidth <= (t.parentElement?.clientWidth ?? 0));
    expect(fits, "a table is wider than its container").toBe(true);
  }
}

async function expectUsableSearchBox(page: Page) {
  const box = await page.getByRole("searchbox", { name: "Search practice and Week of Action talks" }).boundingBox();
  const button = await page.getByRole("button", { name: "Search", exact: true }).boundingBox();
  const main = await page.locator("main").boundingBox();
  expect(box && button && main).toBeTruthy();
  // The box takes most of the row; the button keeps a size a finger can hit.
  expect(box!.width).toBeGreaterThan(main!.width * 0.6);
  expect(button!.width).toBeGreaterThanOrEqual(44);
  expect(button!.height).toBeGreaterThanOrEqual(24);
  expect(button!.x + button!.width).toBeLessThanOrEqual(main!.x + main!.width + 1);
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("the home page's search box is full width with its button beside it", async ({ page }) => {
    await open(page, "/");
    await expectUsableSearchBox(page);
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
  });

  test("search shows results first, and the filters behind 'Show filters'", async ({ page }) => {
    await open(page, "/search?q=shop+theft");
    await expectUsableSearchBox(page);
    const toggle = page.getByText("Show filters", { exact: true });
    const typeFilter = page.getByRole("group", { name: "Type" });
    await expect(toggle).toBeVisible();
    await expect(typeFilter).toBeHidden();
    const first = page.getByTestId("search-results").locator(":scope > li").first();
    await expect(first).toBeVisible();
    // The first result is on the first screen, not below every filter.
    expect((await first.boundingBox())!.y).toBeLessThan(PHONE.height);
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);

    await toggle.click();
    await expect(typeFilter).toBeVisible();
    await typeFilter.getByLabel(/^Case study/).check();
    await expect(page).toHaveURL(/type=practice/);
    // The filters stay open while results update, and say how many apply.
    await expect(typeFilter).toBeVisible();
    await expect(page.locator("summary")).toHaveText("Show filters (1 applied)");
    await expectNoA11yViolations(page);
  });

  test("a force lead's entries table fits the screen", async ({ page }) => {
    await signIn(page, DEMO.sussexLead);
    await expect(page).toHaveURL(/\/submissions$/);
    await expectTablesFit(page);
    await expectNoSidewaysScroll(page);
    await expectNoA11yViolations(page);
  });
});

test.describe("on a phone without JavaScript", () => {
  test.use({ viewport: PHONE, javaScriptEnabled: false });

  test("'Show filters' opens the filters and 'Apply filters' applies them", async ({ page }) => {
    await open(page, "/search?q=shop+theft", { javaScript: false });
    const typeFilter = page.getByRole("group", { name: "Type" });
    await expect(typeFilter).toBeHidden();
    await page.getByText("Show filters", { exact: true }).click();
    await typeFilter.getByLabel(/^Case study/).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/type=practice/);
    await expect(page.locator("summary")).toHaveText("Show filters (1 applied)");
    await expect(page.getByTestId("search-results").locator(":scope > li").first()).toContainText("Case study");
  });
});

test("on a wide screen the filters are open beside the results, with no toggle", async ({ page }) => {
  await open(page, "/search?q=shop+theft");
  await expect(page.getByRole("group", { name: "Type" })).toBeVisible();
  await expect(page.getByText("Show filters", { exact: true })).toBeHidden();
});
