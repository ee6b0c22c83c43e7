import path from "node:path";
import { withDatabase } from "../support/open-database";
import { expectNoA11yViolations } from "./support/axe";
import { startEntry, saveStatus, summaryField, titleField, waitForSaved } from "./support/entry-editor";
import { DEMO, expect, open, signIn, test } from "./support/fixtures";

// The browser's clock is moved on with Playwright's fake timers; the server's
// session is untouched, so "Stay signed in" really reaches a live session.
const WARNING_AT = 2 * 60 * 60 * 1000 - 3 * 60 * 1000 + 1000;

test("two minutes before an idle session ends, a dialog offers to stay signed in, by keyboard", async ({ page }) => {
  await page.clock.install();
  await signIn(page, DEMO.sussexLead);
  const dialog = page.getByRole("dialog", { name: "You will be signed out soon" });
  await expect(dialog).toBeHidden();

  await page.clock.fastForward(WARNING_AT);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("you will be signed out in 2 minutes");
  await expect(dialog.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  await expectNoA11yViolations(page);

  const keepalive = page.waitForResponse((r) => r.url().endsWith("/session/keepalive"));
  await page.keyboard.press("Enter");
  expect((await keepalive).status()).toBe(200);
  await expect(dialog).toBeHidden();

  // The timer starts again from now; Escape also means "I am here".
  await page.clock.fastForward(WARNING_AT - 60_000);
  await expect(dialog).toBeHidden();
  await page.clock.fastForward(60_000);
  await expect(dialog).toBeVisible();
  const again = page.waitForResponse((r) => r.url().endsWith("/session/keepalive"));
  await page.keyboard.press("Escape");
  expect((await again).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
});

test("when the time runs out the dialog says so and offers to sign in again without leaving the page", async ({ page }) => {
  await page.clock.install();
  await signIn(page, DEMO.sussexLead);
  await open(page, "/account");
  await page.clock.fastForward(2 * 60 * 60 * 1000);
  const ended = page.getByRole("dialog", { name: "You have been signed out" });
  await expect(ended).toBeVisible();
  await expect(ended.getByRole("link", { name: /Sign in again/ })).toHaveAttribute("href", "/login?redirectTo=%2Faccount");
  await expectNoA11yViolations(page);
});

test("visitors who are not signed in get no timer", async ({ page }) => {
  await page.clock.install();
  await open(page, "/");
  await page.clock.fastForward(WARNING_AT);
  await expect(page.getByTestId("session-dialog")).toHaveCount(0);
});

test("a session that ends while someone is writing loses nothing: after signing in again in another tab the draft saves", async ({ page, consoleErrors }) => {
  // A lead no other browser test signs in as, so ending their sessions disturbs no one.
  const email = "northumbria.lead@demo.test";
  await signIn(page, email);
  const id = await startEntry(page);
  consoleErrors.allowHttpStatus(401, `/submissions/${id}/autosave`);
  await titleField(page).fill("Bus station problem-solving");
  await waitForSaved(page);

  // The session ends on the server (as after 2 hours idle) while the page is open.
  await withDatabase(path.join(process.env.PRACTICE_BANK_E2E_DB_DIR!, "practice-bank.sqlite"), (db) =>
    db.deleteFrom("sessions").where("user_id", "in", db.selectFrom("users").select("id").where("email", "=", email)).execute(),
  );
  await summaryField(page).fill("Typed after the session ended: weekly joint patrols with the bus company.");
  await expect(saveStatus(page)).toContainText("Not saved: you have been signed out. Sign in again in another tab, then keep going");
  await expect(summaryField(page)).toHaveValue(/weekly joint patrols/);

  // Signing in again in another tab lets the page's next try save what was typed.
  const tab = await page.context().newPage();
  await signIn(tab, email);
  await tab.close();
  await waitForSaved(page);

  await page.reload();
  await expect(summaryField(page)).toHaveValue("Typed after the session ended: weekly joint patrols with the bus company.");
  await expect(titleField(page)).toHaveValue("Bus station problem-solving");
});
