import { test as base, expect, type ConsoleMessage, type Locator, type Page } from "@playwright/test";

export { expect };

export const DEMO_PASSWORD = "practice-bank-demo";

export const DEMO = {
  sussexLead: "sussex.lead@demo.test",
  hampshireLead: "hampshire.lead@demo.test",
  reviewer: "reviewer@demo.test",
  admin: "admin@demo.test",
} as const;

interface LoggedError {
  text: string;
  url: string;
}

export interface ConsoleGuard {
  /**
   * Chromium logs "Failed to load resource: ... status of 404" for every
   * response with an error status, including the ones a test causes on
   * purpose (a missing page, a refused sign-in). A test names each one it
   * expects; any other console error fails the test.
   */
  allowHttpStatus(status: number, pathname: string): void;
}

function isAllowed(error: LoggedError, allowed: { status: number; pathname: string }[]) {
  let pathname: string;
  try {
    pathname = new URL(error.url).pathname;
  } catch {
    return false;
  }
  return allowed.some(
    (a) =>
      error.text.includes(`status of ${a.status} `) &&
      // Remix fetches a route's data from "<path>.data" once the page runs JavaScript.
      (pathname === a.pathname || pathname === `${a.pathname}.data` || (a.pathname === "/" && pathname === "/_root.data")),
  );
}

export const test = base.extend<{ consoleErrors: ConsoleGuard }>({
  // Automatic, so every test in every spec fails on a console error or an
  // uncaught exception in the page, unless it said it expected that error.
  consoleErrors: [
    async ({ context }, use) => {
      const logged: LoggedError[] = [];
      const allowed: { status: number; pathname: string }[] = [];
      const onConsole = (message: ConsoleMessage) => {
        if (message.type() === "error") logged.push({ text: message.text(), url: message.location().url });
      };
      context.on("console", onConsole);
      context.on("weberror", (webError) => logged.push({ text: `Uncaught ${webError.error().stack ?? webError.error().message}`, url: "" }));

      await use({ allowHttpStatus: (status, pathname) => allowed.push({ status, pathname }) });

      const unexpected = logged.filter((e) => !isAllowed(e, allowed)).map((e) => (e.url ? `${e.text} (at ${e.url})` : e.text));
      expect(unexpected, "the page logged errors to the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Waits until React has hydrated the server-rendered page, so that typing
 * and key presses reach the hydrated form rather than being reset by it.
 * Remix's <ScrollRestoration> sets history.scrollRestoration to "manual" in
 * an effect, which runs only once hydration has been committed.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => window.history.scrollRestoration === "manual");
}

/** Opens a page and, where JavaScript runs, waits for it to hydrate. */
export async function open(page: Page, path: string, { javaScript = true } = {}) {
  const response = await page.goto(path);
  if (javaScript) await waitForHydration(page);
  return response;
}

/** Presses Tab until the target has focus, failing if it takes more than `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return i + 1;
  }
  throw new Error(`${max} presses of Tab did not reach ${target.toString()}`);
}

/** Signs in with a demo account through the sign-in page and waits to leave it. */
export async function signIn(page: Page, email: string) {
  await open(page, "/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
  await waitForHydration(page);
}
