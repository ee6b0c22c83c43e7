import { expectNoA11yViolations } from "./support/axe";
import { DEMO, expect, open, signIn, tabTo, test } from "./support/fixtures";

const PUBLIC_PAGES = [
  { path: "/", heading: "Neighbourhood policing practice bank" },
  { path: "/week-of-action", heading: "Neighbourhood Policing Week of Action 2026" },
  {
    path: "/week-of-action/operation-stop-gps-tagging-shop-theft",
    heading: "Operation STOP: using GPS tagging to reduce persistent shop theft in Sussex",
  },
  { path: "/login", heading: "Sign in" },
  { path: "/search?q=asb", heading: "Search" },
  { path: "/accessibility", heading: "Accessibility statement" },
  { path: "/open-data", heading: "Open data" },
];

for (const { path, heading } of PUBLIC_PAGES) {
  test(`${path} has no WCAG 2.2 AA violations`, async ({ page }) => {
    const response = await open(page, path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectNoA11yViolations(page);
  });
}

test("/login showing errors has no WCAG 2.2 AA violations", async ({ page }) => {
  await open(page, "/login");
  await tabTo(page, page.getByRole("button", { name: "Sign in", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page);
});

test("the page-not-found page has no WCAG 2.2 AA violations", async ({ page, consoleErrors }) => {
  consoleErrors.allowHttpStatus(404, "/no-such-page");
  const response = await open(page, "/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectNoA11yViolations(page);
});

test("a force lead's entries page has no WCAG 2.2 AA violations", async ({ page }) => {
  await signIn(page, DEMO.sussexLead);
  await expect(page).toHaveURL(/\/submissions$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your organisation's entries");
  await expectNoA11yViolations(page);
});

test("the review queue has no WCAG 2.2 AA violations", async ({ page }) => {
  await signIn(page, DEMO.reviewer);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  await expectNoA11yViolations(page);
});

test("the administration page has no WCAG 2.2 AA violations", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
  await expect(page.getByTestId("data-warnings")).toBeVisible();
  await expectNoA11yViolations(page);
});

test("the programme fits a 320px-wide screen without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await open(page, "/week-of-action");
  await expect(page.getByRole("main").getByRole("heading", { level: 3 })).toHaveCount(12);
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.client).toBeLessThanOrEqual(320);
  expect(widths.scroll).toBeLessThanOrEqual(320 + 1);
});
