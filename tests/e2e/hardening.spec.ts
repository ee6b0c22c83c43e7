import { startServer } from "../support/server";
import { expectNoA11yViolations } from "./support/axe";
import { DEMO, DEMO_PASSWORD, expect, open, test, waitForHydration } from "./support/fixtures";

// What an attack test found, as a person meets it in the browser.

test("a sign-in link that tries to send the person to another site lands them on their own home page", async ({ page }) => {
  await open(page, "/login?redirectTo=%2F%09%2Fevil.example%2Ffake-login");
  await page.getByLabel("Email address").fill(DEMO.sussexLead);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/submissions$/);
  const here = new URL(page.url());
  expect(here.hostname).toBe("127.0.0.1");
  await waitForHydration(page);

  // Signed in already, the same link sends them home at once.
  await page.goto("/login?redirectTo=%2F%09%2Fevil.example%2Ffake-login");
  await expect(page).toHaveURL(/\/submissions$/);
  expect(new URL(page.url()).hostname).toBe("127.0.0.1");
});

test("a badly encoded address gets the service's own page, with no internals", async ({ page, consoleErrors }) => {
  consoleErrors.allowHttpStatus(400, "/practice/%FF");
  const response = await page.goto("/practice/%FF");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("There is a problem with your request");
  await expect(page.getByRole("main")).toContainText("The web address could not be read");
  await expect(page.getByRole("main")).toContainText(/quote reference [0-9a-f]{12}/);
  await expect(page.getByRole("link", { name: "Go to the practice bank home page" })).toBeVisible();
  await expectNoA11yViolations(page);
});

test("a server error shows a reference the log holds, and nothing of the error", async ({ page, consoleErrors }) => {
  // Its own server and database, so the broken row troubles no other test.
  const server = await startServer();
  try {
    const slug = await server.withDb(async (db) => {
      const row = await db.selectFrom("event_sessions").select(["id", "slug"]).orderBy("id").executeTakeFirstOrThrow();
      await db.updateTable("event_sessions").set({ data_warnings: "{not json" }).where("id", "=", row.id).execute();
      return row.slug;
    });
    consoleErrors.allowHttpStatus(500, `/week-of-action/${slug}`);
    const response = await page.goto(`${server.url}/week-of-action/${slug}`);
    expect(response?.status()).toBe(500);
    const id = response!.headers()["x-request-id"];
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sorry, there is a problem with the service");
    await expect(page.getByRole("main")).toContainText(`quote reference ${id}`);
    await expect(page.getByRole("main")).not.toContainText(/SyntaxError|JSON|at \w+ \(/);
    expect(server.output()).toContain(id);
    await expectNoA11yViolations(page);
  } finally {
    await server.stop();
  }
});
