import { DEMO, DEMO_PASSWORD, expect, open, tabTo, test } from "./support/fixtures";

// Everything here is done with the keyboard alone: Tab, typing and Enter.

test("a force lead signs in and out with the keyboard alone", async ({ page }) => {
  await open(page, "/");

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();

  const signInLink = page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Sign in" });
  await tabTo(page, signInLink);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");

  await tabTo(page, page.getByLabel("Email address"));
  await page.keyboard.type(DEMO.sussexLead);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/submissions$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your organisation's entries");
  await expect(page.getByRole("main")).toContainText("Sussex Police");
  await expect(page.getByTestId("signed-in-as")).toContainText("Sussex Police");

  const signOut = page.getByRole("button", { name: /^Sign out/ });
  await tabTo(page, signOut);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sign out/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Your organisation's entries" })).toHaveCount(0);
});

test.describe("sign-in errors, with JavaScript", () => {
  test("an empty form shows the error summary, focused, linking to each field", async ({ page }) => {
    await open(page, "/login");
    await tabTo(page, page.getByRole("button", { name: "Sign in", exact: true }));
    await page.keyboard.press("Enter");

    const summary = page.getByRole("alert");
    await expect(summary).toContainText("There is a problem");
    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    await expect(summary.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
    await expect(summary.getByRole("link", { name: "Enter your password" })).toHaveAttribute("href", "#password");
    await expect(page).toHaveURL(/\/login$/);

    // Following an error's link with the keyboard puts focus in its field.
    await page.keyboard.press("Tab");
    await expect(summary.getByRole("link", { name: "Enter your email address" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Email address")).toBeFocused();
  });

  test("a wrong password is refused, keeping the email address", async ({ page, consoleErrors }) => {
    consoleErrors.allowHttpStatus(401, "/login");
    await open(page, "/login");
    await tabTo(page, page.getByLabel("Email address"));
    await page.keyboard.type(DEMO.hampshireLead);
    await page.keyboard.press("Tab");
    await page.keyboard.type("not-the-password");
    await page.keyboard.press("Enter");

    await expect(page.getByRole("alert")).toContainText("There is a problem");
    await expect(page.getByRole("alert").getByRole("link", { name: "Email address or password is wrong" })).toHaveAttribute("href", "#email");
    await expect(page.getByLabel("Email address")).toHaveValue(DEMO.hampshireLead);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("button", { name: /^Sign out/ })).toHaveCount(0);
  });
});

test.describe("sign-in without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an empty form is checked by the server and shows the error summary", async ({ page, consoleErrors }) => {
    consoleErrors.allowHttpStatus(400, "/login");
    await open(page, "/login", { javaScript: false });
    await tabTo(page, page.getByRole("button", { name: "Sign in", exact: true }));
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
    await expect(summary.getByRole("link", { name: "Enter your password" })).toHaveAttribute("href", "#password");
  });

  test("a wrong password is refused by the server, keeping the email address", async ({ page, consoleErrors }) => {
    consoleErrors.allowHttpStatus(401, "/login");
    await open(page, "/login", { javaScript: false });
    await tabTo(page, page.getByLabel("Email address"));
    await page.keyboard.type(DEMO.hampshireLead);
    await page.keyboard.press("Tab");
    await page.keyboard.type("still-not-the-password");
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(page.getByRole("alert").getByRole("link", { name: "Email address or password is wrong" })).toHaveAttribute("href", "#email");
    await expect(page.getByLabel("Email address")).toHaveValue(DEMO.hampshireLead);
    await expect(page.getByLabel("Password")).toHaveValue("");
  });

  test("the right password signs in and out without JavaScript", async ({ page }) => {
    await open(page, "/login", { javaScript: false });
    await tabTo(page, page.getByLabel("Email address"));
    await page.keyboard.type(DEMO.sussexLead);
    await page.keyboard.press("Tab");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/submissions$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your organisation's entries");
    await tabTo(page, page.getByRole("button", { name: /^Sign out/ }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  });
});
