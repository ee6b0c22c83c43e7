import { expectNoA11yViolations } from "./support/axe";
import { DEMO, expect, open, test } from "./support/fixtures";
import { actingUser, publishedEntry, tagIdOf, withE2eDatabase } from "./support/published-entries";

// The public case study page: back to the search that led there, topics that
// link to their search, the contact as a mailto link, the date by the title,
// "Copy link", and a clean printout with the page's address.

const TITLE = "Cycle marking days against bike theft in Portsmouth";
let slug = "";

test.beforeAll(async () => {
  slug = await withE2eDatabase(async (db) => {
    const lead = await actingUser(db, DEMO.hampshireLead);
    const reviewer = await actingUser(db, "reviewer2@demo.test");
    return (await publishedEntry(db, lead, reviewer, await tagIdOf(db, "community-engagement"), {
      title: TITLE,
      summary: "Free cycle marking at Portsmouth stations, and thefts of marked bikes fell.",
      contactEmail: "pat.lee@hampshire.police.example",
      // A link in the text, and the empty paragraph the editor leaves after the last Enter.
      results: JSON.stringify({
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "See the " }, { type: "text", text: "evaluation report", marks: [{ type: "link", attrs: { href: "https://example.org/report" } }] }, { type: "text", text: "." }] },
          { type: "paragraph" },
        ],
      }),
    })).slug;
  });
});

test("from a search, a case study links back to it, to its topics' searches and to its contact", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page, "/search?q=portsmouth+cycle");
  await page.getByTestId("search-results").getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);

  // The date is by the title, before the summary.
  const dates = page.getByTestId("publication-dates");
  await expect(dates).toContainText(/^Published \d{1,2} \w+ \d{4}/);
  const summary = page.getByText("Free cycle marking at Portsmouth stations");
  expect((await dates.boundingBox())!.y).toBeLessThan((await summary.boundingBox())!.y);

  await expect(page.getByRole("link", { name: "pat.lee@hampshire.police.example" })).toHaveAttribute("href", "mailto:pat.lee@hampshire.police.example");

  await page.getByRole("button", { name: "Copy link to this page" }).click();
  await expect(page.getByTestId("copy-link-status")).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/practice/${slug}$`));
  await expectNoA11yViolations(page);

  await page.getByRole("link", { name: "Back to search results" }).click();
  await expect(page).toHaveURL(/\/search\?q=portsmouth\+cycle$/);
  await page.getByTestId("search-results").getByRole("link", { name: TITLE }).click();
  const topic = page.getByTestId("entry-topics").getByRole("link").first();
  await topic.click();
  await expect(page).toHaveURL(/\/search\?tag=[a-z-]+$/);
  await expect(page.getByTestId("search-results").getByRole("link", { name: TITLE })).toBeVisible();
});

test("links in the text look and take focus like GOV.UK links, and no empty paragraph is published", async ({ page }) => {
  await open(page, `/practice/${slug}`);
  // The colour of an ordinary GOV.UK link on the same page; GOV.UK focus: yellow with a thick underline.
  const link = page.locator(".app-prose").getByRole("link", { name: "evaluation report" });
  const plain = page.locator("main a.govuk-link").first();
  await expect(link).toHaveCSS("color", await plain.evaluate((a) => getComputedStyle(a).color));
  await link.focus();
  await expect(link).toHaveCSS("background-color", "rgb(255, 221, 0)");
  expect(await link.evaluate((a) => getComputedStyle(a).boxShadow)).not.toBe("none");
  const results = page.getByRole("region", { name: "Results" }).locator(".app-prose");
  expect(await results.evaluate((el) => el.innerHTML)).not.toContain("<p></p>");
});

test("a case study prints without the site's navigation, with its address", async ({ page }) => {
  await open(page, `/practice/${slug}`);
  // Opened directly, there is no search to go back to.
  await expect(page.getByRole("link", { name: "Back to search results" })).toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Menu" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Related practice" })).toBeHidden();
  await expect(page.getByText(/^This page: http:\/\/.+\/practice\//)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
});
