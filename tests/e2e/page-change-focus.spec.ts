import { expect, open, tabTo, test } from "./support/fixtures";

// WCAG 2.4.3: after a link inside the app, the next Tab starts at the top of
// the new page (the skip link), and the new page's title is read out.

test("after following a link with the keyboard, Tab starts at the skip link and the new title is announced", async ({ page }) => {
  await open(page, "/");
  await tabTo(page, page.getByRole("link", { name: "See the whole programme" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/week-of-action");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neighbourhood Policing Week of Action 2026");
  await expect(page.getByTestId("page-top")).toBeFocused();
  await expect(page.getByTestId("page-announcer")).toHaveText(await page.title());
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();

  // The same from a link low on the page, which stays in the header on the next page too.
  const talk = page.getByRole("main").getByRole("link").filter({ hasText: "Operation STOP" });
  await tabTo(page, talk, 80);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/week-of-action\/operation-stop/);
  await expect(page.getByTestId("page-announcer")).toHaveText(/^Operation STOP/);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
});

test("a link in the header also moves focus to the top of the new page", async ({ page }) => {
  await open(page, "/week-of-action");
  await tabTo(page, page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Search practice" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/search");
  await expect(page.getByTestId("page-announcer")).toHaveText("Search - Neighbourhood policing practice bank");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
});

test("typing in the search box changes the address but keeps focus in the box, announcing nothing", async ({ page }) => {
  await open(page, "/search");
  const box = page.getByLabel("Search practice and Week of Action talks");
  await box.click();
  await box.pressSequentially("patrol", { delay: 30 });
  await expect(page).toHaveURL(/q=patrol/);
  await expect(page.getByTestId("result-count")).toContainText("for ‘patrol’");
  await expect(box).toBeFocused();
  await expect(page.getByTestId("page-announcer")).toHaveText("");
});
