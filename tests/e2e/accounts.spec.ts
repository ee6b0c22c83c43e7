import type { Browser, Page } from "@playwright/test";
import { runCreateAdmin } from "../support/create-admin";
import { mailDirOf, waitForEmail } from "../support/mail";
import { startServer, type RunningServer } from "../support/server";
import { expectNoA11yViolations } from "./support/axe";
import { expect, test, waitForHydration } from "./support/fixtures";

// A production deployment from nothing: its own server with DEMO=off, a
// brand-new database and its emails written to a folder this test reads,
// as a person reads their inbox.

let server: RunningServer;
const ADMIN_PASSWORD = "ferry lighthouse walnut 7";
const LEAD_PASSWORD = "kettle meadow rowan 19";
const LEAD_NEW_PASSWORD = "saffron quarry ember 55";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startServer({ env: { MAIL_WORKER_INTERVAL_MS: "100" } });
});
test.afterAll(async () => {
  await server?.stop();
});

async function go(page: Page, path: string) {
  const response = await page.goto(server.url + path);
  await waitForHydration(page);
  return response;
}

async function signInAs(page: Page, email: string, password: string) {
  await go(page, "/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

async function freshPage(browser: Browser) {
  return (await browser.newContext({ baseURL: server.url })).newPage();
}

test("create-admin on a production database, then the printed link, then sign in", async ({ page, consoleErrors }) => {
  const run = runCreateAdmin(["--email", "chief@example.org", "--name", "Chi Ef"], { databasePath: server.databasePath, appUrl: server.url });
  expect(run.status, run.stderr).toBe(0);
  expect(run.link).toMatch(new RegExp(`^${server.url}/set-password/`));

  const linkPath = new URL(run.link!).pathname;
  consoleErrors.allowHttpStatus(400, linkPath);
  await go(page, linkPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your password");
  await expectNoA11yViolations(page);

  // A common password is refused with the reason, in the error summary.
  await page.getByLabel("Create a password").fill("qwerty123456");
  await page.getByLabel("Enter the password again").fill("qwerty123456");
  await page.getByRole("button", { name: "Create password and sign in" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("on a list of passwords that are used often or have been leaked");
  await expectNoA11yViolations(page);

  await page.getByLabel("Create a password").fill(ADMIN_PASSWORD);
  await page.getByLabel("Enter the password again").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Create password and sign in" }).click();
  await expect(page).toHaveURL(`${server.url}/admin`);
  await expect(page.getByTestId("signed-in-as")).toContainText("Chi Ef");

  await page.getByRole("button", { name: /^Sign out/ }).click();
  await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await signInAs(page, "chief@example.org", ADMIN_PASSWORD);
  await expect(page).toHaveURL(`${server.url}/admin`);
});

test("the used link says what happened and how to get a new one", async ({ page, consoleErrors }) => {
  const run = runCreateAdmin(["--email", "deputy@example.org", "--name", "Dep Uty"], { databasePath: server.databasePath, appUrl: server.url });
  const path = new URL(run.link!).pathname;
  await go(page, path);
  await page.getByLabel("Create a password").fill(ADMIN_PASSWORD);
  await page.getByLabel("Enter the password again").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Create password and sign in" }).click();
  await expect(page).toHaveURL(`${server.url}/admin`);

  consoleErrors.allowHttpStatus(410, path);
  consoleErrors.allowHttpStatus(404, "/set-password/made-up-link-000000000000000");
  const used = await go(page, path);
  expect(used?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
  await expectNoA11yViolations(page);
  await go(page, "/set-password/made-up-link-000000000000000");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
  await expect(page.getByRole("link", { name: "reset your password" })).toBeVisible();
});

test("an admin invites a force lead, who chooses a password from the email and signs in", async ({ page, browser }) => {
  await signInAs(page, "chief@example.org", ADMIN_PASSWORD);
  await go(page, "/admin/users");
  await page.getByRole("button", { name: "Invite someone" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invite someone");
  await waitForHydration(page);
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  await expectNoA11yViolations(page);
  await page.getByLabel("Full name").fill("Lee Kent");
  await page.getByLabel("Email address").fill("lee.kent@example.org");
  await page.getByLabel("Force lead").check();
  await page.getByLabel("Organisation").selectOption({ label: "Kent Police" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("success-banner")).toContainText("Invitation sent to lee.kent@example.org");
  await expect(page.getByTestId("account-details")).toContainText("Invited");
  await expectNoA11yViolations(page);

  const email = await waitForEmail(mailDirOf(server.databasePath), "lee.kent@example.org", /invited/);
  const lead = await freshPage(browser);
  await go(lead, new URL(email.link!).pathname);
  await expect(lead.getByText("lee.kent@example.org")).toBeVisible();
  await lead.getByLabel("Create a password").fill(LEAD_PASSWORD);
  await lead.getByLabel("Enter the password again").fill(LEAD_PASSWORD);
  await lead.getByRole("button", { name: "Create password and sign in" }).click();
  await expect(lead).toHaveURL(`${server.url}/submissions`);
  await expect(lead.getByTestId("signed-in-as")).toContainText("Kent Police");

  await page.reload();
  await expect(page.getByTestId("account-details")).toContainText("Active");
  await lead.context().close();
});

test("forgot password: the email's link sets a new one, the old password is refused and old sessions end", async ({ page, browser }) => {
  const old = await freshPage(browser);
  await signInAs(old, "lee.kent@example.org", LEAD_PASSWORD);

  await go(page, "/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await waitForHydration(page);
  await expectNoA11yViolations(page);
  await page.getByLabel("Email address").fill("lee.kent@example.org");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expectNoA11yViolations(page);

  const email = await waitForEmail(mailDirOf(server.databasePath), "lee.kent@example.org", /Reset your password/);
  await go(page, new URL(email.link!).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await page.getByLabel("New password").fill(LEAD_NEW_PASSWORD);
  await page.getByLabel("Enter the password again").fill(LEAD_NEW_PASSWORD);
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL(`${server.url}/submissions`);

  // The browser signed in before the reset is signed out.
  await old.reload();
  await expect(old).toHaveURL(/\/login\?redirectTo=%2Fsubmissions/);
  await old.context().close();

  const other = await freshPage(browser);
  await go(other, "/login");
  await other.getByLabel("Email address").fill("lee.kent@example.org");
  await other.getByLabel("Password", { exact: true }).fill(LEAD_PASSWORD);
  await other.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(other.getByRole("alert")).toContainText("Email address or password is wrong");
  await other.context().close();
});

test("your account: change the password and sign out of other browsers", async ({ page, browser, consoleErrors }) => {
  consoleErrors.allowHttpStatus(400, "/account");
  const other = await freshPage(browser);
  await signInAs(other, "lee.kent@example.org", LEAD_NEW_PASSWORD);
  await signInAs(page, "lee.kent@example.org", LEAD_NEW_PASSWORD);
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await waitForHydration(page);
  await expect(page.getByTestId("browsers")).toContainText("This browser");
  await expectNoA11yViolations(page);

  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(LEAD_PASSWORD);
  await page.getByLabel("Enter the password again").fill(LEAD_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert")).toContainText("Your current password is wrong");
  await expectNoA11yViolations(page);

  await page.getByLabel("Current password").fill(LEAD_NEW_PASSWORD);
  await page.getByLabel("New password").fill(LEAD_PASSWORD);
  await page.getByLabel("Enter the password again").fill(LEAD_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("success-banner")).toContainText("Your password has been changed");
  await other.reload();
  await expect(other).toHaveURL(/\/login/);
  await other.context().close();
});
