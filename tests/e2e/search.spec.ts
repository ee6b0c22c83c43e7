import type { Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/axe";
import { DEMO, expect, open, signIn, tabTo, test } from "./support/fixtures";
import { actingUser, lastNotificationId, markOthersRead, publishedEntry, tagIdOf, withE2eDatabase } from "./support/published-entries";

// A visitor looking for what works. Two case studies are published for these
// tests (by the Hampshire lead, through the model functions the pages use);
// they share rare words ("Winchester", "Andover") so the tests can pick them
// out whatever else the demo database holds.

const TAGGED = "Tagging prolific shop thieves in Winchester";
const YOUTH = "Evening football for young people in Andover and Winchester";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await withE2eDatabase(async (db) => {
    const lead = await actingUser(db, DEMO.hampshireLead);
    const reviewer = await actingUser(db, "reviewer2@demo.test");
    const shopTheft = await tagIdOf(db, "shop-theft");
    const youth = await tagIdOf(db, "youth");
    const since = await lastNotificationId(db);
    await publishedEntry(db, lead, reviewer, shopTheft, {
      title: TAGGED,
      summary: "GPS tags for the shoplifters who stole most often cut retail crime in Winchester's high street by a quarter.",
    });
    await publishedEntry(db, lead, reviewer, youth, {
      title: YOUTH,
      summary: "Friday night football run with the council kept teenagers busy and calls about nuisance in Winchester parks fell.",
    }, { evidenceLabel: "worked" });
    await markOthersRead(db, since, lead.id);
  });
});

const results = (page: Page) => page.getByTestId("search-results").locator(":scope > li");
const resultCount = (page: Page) => page.getByRole("status").filter({ hasText: /results?|No results/ });

test("a visitor searches from the home page, narrows by a topic, opens a case study, then a related session", async ({ page }) => {
  await open(page, "/");
  await page.getByLabel("Search practice and Week of Action talks").fill("shoplifting");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=shoplifting$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");

  // "shoplifting" finds "shop thieves" and "retail crime" too (synonyms), sessions as well as case studies.
  const tagged = results(page).filter({ hasText: TAGGED });
  await expect(tagged).toHaveCount(1);
  await expect(tagged).toContainText("Case study");
  await expect(tagged).toContainText("Hampshire");
  await expect(tagged.locator("mark").first()).toBeVisible();
  await expect(results(page).filter({ hasText: "Week of Action session" }).first()).toBeVisible();

  await page.getByRole("group", { name: "Type" }).getByLabel(/^Case study/).check();
  await expect(page).toHaveURL(/type=practice/);
  await expect(results(page).filter({ hasText: "Week of Action session" })).toHaveCount(0);
  await page.getByRole("group", { name: "Topic" }).getByLabel(/^Shop theft \(retail crime\)/).check();
  await expect(page).toHaveURL(/tag=shop-theft/);
  await expect(resultCount(page)).toContainText(/\d+ results? for ‘shoplifting’/);
  for (const item of await results(page).all()) await expect(item).toContainText("Shop theft (retail crime)");

  await tagged.getByRole("link", { name: TAGGED }).click();
  await expect(page).toHaveURL(/\/practice\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TAGGED);

  // The talk on GPS tagging of shop thieves shares the case study's topic.
  const related = page.getByRole("region", { name: "Related Week of Action sessions" });
  await related.getByRole("link", { name: /Operation STOP/ }).click();
  await expect(page).toHaveURL("/week-of-action/operation-stop-gps-tagging-shop-theft");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Operation STOP");
  await expect(page.getByRole("region", { name: "Related practice" }).getByRole("link", { name: TAGGED })).toBeVisible();
});

test("results follow what is typed, and the box keeps its focus", async ({ page }) => {
  await open(page, "/search");
  const box = page.getByLabel("Search practice and Week of Action talks");
  await box.click();
  await box.pressSequentially("andov", { delay: 40 });
  await expect(page).toHaveURL(/q=andov/);
  await expect(results(page).filter({ hasText: YOUTH })).toHaveCount(1);
  await expect(results(page).filter({ hasText: TAGGED })).toHaveCount(0);
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("andov");
  await expect(resultCount(page)).toHaveText("1 result for ‘andov’");

  await box.pressSequentially("er winchester", { delay: 40 });
  await expect(page).toHaveURL(/q=andover\+winchester/);
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("andover winchester");
  await expect(results(page)).toHaveCount(1);

  // Ticking a filter is a step in the browser's history; going back unticks it.
  const practiceOnly = page.getByRole("group", { name: "Type" }).getByLabel(/^Case study/);
  await practiceOnly.check();
  await expect(page).toHaveURL(/type=practice/);
  await page.goBack();
  await expect(page).not.toHaveURL(/type=practice/);
  await expect(practiceOnly).not.toBeChecked();
  await expect(box).toHaveValue("andover winchester");
});

test("a keyboard-only visitor searches, filters, opens a case study, then a related session", async ({ page }) => {
  await open(page, "/");
  await tabTo(page, page.getByLabel("Search practice and Week of Action talks"));
  await page.keyboard.type("winchester");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=winchester$/);
  await expect(results(page).filter({ hasText: TAGGED })).toHaveCount(1);

  const youth = page.getByRole("group", { name: "Topic" }).getByLabel(/^Youth \(young people\)/);
  await tabTo(page, youth);
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/tag=youth/);
  await expect(youth).toBeChecked();
  await expect(youth).toBeFocused();
  await expect(results(page).filter({ hasText: TAGGED })).toHaveCount(0);

  const link = page.getByRole("link", { name: YOUTH });
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(YOUTH);

  const session = page.getByRole("region", { name: "Related Week of Action sessions" }).getByRole("link", { name: /Operation Concur/ });
  await tabTo(page, session, 80);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/week-of-action/operation-concur-youth-anti-social-behaviour");
});

test("search works without JavaScript: filters, sorting and pages are plain links and forms", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto("/search?q=winchester");
    await expect(results(page)).toHaveCount(2);
    await page.getByRole("group", { name: "Evidence" }).getByLabel(/^Worked/).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/evidence=worked/);
    await expect(results(page)).toHaveCount(1);
    await expect(results(page)).toContainText(YOUTH);

    await page.goto("/search");
    await page.getByLabel("Sort by").selectOption("newest");
    await page.getByRole("button", { name: "Sort", exact: true }).click();
    await expect(page).toHaveURL(/sort=newest/);
    await expect(page.getByText(/^Showing 1 to \d+ of \d+, newest first$/)).toBeVisible();
  } finally {
    await context.close();
  }
});

test("a misspelt search offers the right spelling", async ({ page }) => {
  await open(page, "/search?q=winchestr");
  await expect(resultCount(page)).toHaveText("No results for ‘winchestr’");
  await page.getByTestId("suggestion").getByRole("link", { name: "winchester" }).click();
  await expect(page).toHaveURL(/q=winchester/);
  await expect(page.getByLabel("Search practice and Week of Action talks")).toHaveValue("winchester");
  await expect(results(page).filter({ hasText: TAGGED })).toHaveCount(1);
});

test("query syntax and very long input are searched as plain words", async ({ page }) => {
  for (const q of ['"NEAR(shop', "shop* AND -theft", "🚲🚓 ".repeat(50), "x".repeat(10_000)]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q.slice(0, 20)).toBe(200);
    await expect(resultCount(page)).toBeVisible();
  }
});

test("the results page has no WCAG 2.2 AA violations, with results and without", async ({ page }) => {
  await open(page, "/search?q=winchester");
  await expect(results(page).first()).toBeVisible();
  await expectNoA11yViolations(page);
  await open(page, "/search?q=zzqqxxnothing");
  await expect(page.getByText("There are no matching results.")).toBeVisible();
  await expectNoA11yViolations(page);
});

test("when no result holds every word, a note above the results says these hold most of them", async ({ page }) => {
  // The search box's own example: nothing holds "causing", yet the youth entry is what was meant.
  await open(page, "/");
  await page.getByLabel("Search practice and Week of Action talks").fill("teenagers causing ASB in the park");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const note = page.getByTestId("search-notes");
  await expect(note).toHaveText("No results contain all of your words. Showing results that contain most of them.");
  await expect(results(page).first()).toBeVisible();
  // The note comes before the results, for sighted and screen reader users alike.
  const [noteBox, listBox] = [await note.boundingBox(), await page.getByTestId("search-results").boundingBox()];
  expect(noteBox!.y).toBeLessThan(listBox!.y);
  await expectNoA11yViolations(page);

  // Holding every word again, the note goes.
  await open(page, "/search?q=football+winchester");
  await expect(results(page).filter({ hasText: YOUTH })).toHaveCount(1);
  await expect(page.getByTestId("search-notes")).toHaveCount(0);
});

test("a search for a narrower topic also shows its broader topic, and says so; admins edit the link beside the synonyms", async ({ page }) => {
  await open(page, "/search?q=knife+crime");
  const note = page.getByTestId("search-notes");
  await expect(note).toHaveText("Also showing results about Serious violence");
  // The direct match first, then what is about serious violence.
  await expect(results(page).first()).toContainText("Knife crime workshops in Sunderland schools");
  await expect(results(page).filter({ hasText: "Problem-solving serious violence at fast food restaurants" })).toHaveCount(1);
  await expectNoA11yViolations(page);

  await signIn(page, DEMO.admin);
  await open(page, "/admin/tags");
  await page.getByRole("link", { name: "Knife crime", exact: true }).click();
  const broader = page.getByRole("group", { name: "Broader topics (optional)" });
  await expect(broader.getByLabel("Serious violence")).toBeChecked();
  await expect(page.getByRole("group", { name: "Related topics (optional)" }).getByLabel("Youth (young people)")).toBeChecked();
  await expectNoA11yViolations(page);
});
