import { DEMO, expect, open, signIn, test } from "./support/fixtures";

test("a reviewer lands on the review queue", async ({ page }) => {
  await signIn(page, DEMO.reviewer);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Review queue" })).toBeVisible();
});

test("an administrator lands on administration and is warned about the misprinted weekday", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
  const warning = page.getByTestId("data-warnings");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("Some session listings have facts to check");
  // The source printed "Tuesday 17 June"; 17 June 2026 is a Wednesday.
  await expect(warning).toContainText("17 June");
  await expect(warning).toContainText("Wednesday");
});

test("a force lead is refused the administration page", async ({ page, consoleErrors }) => {
  consoleErrors.allowHttpStatus(403, "/admin");
  await signIn(page, DEMO.sussexLead);
  await expect(page).toHaveURL(/\/submissions$/);

  const response = await open(page, "/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to see this page");
  await expect(page.getByRole("heading", { name: "Administration" })).toHaveCount(0);
  await expect(page.getByTestId("data-warnings")).toHaveCount(0);
});

test("a visitor who is not signed in is sent to sign in first", async ({ page }) => {
  await open(page, "/admin");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
});
