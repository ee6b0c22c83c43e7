import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examplesHint, HOME_SEARCH_EXAMPLES, SEARCH_PAGE_EXAMPLES } from "../../app/lib/search-examples";
import { signedInClient, pageText } from "../support/client";
import { freshDatabase } from "../support/database";
import { doc } from "../support/entries";
import { startServer, type RunningServer } from "../support/server";
import { TEST_PASSWORD } from "../support/users";
import { actingUser, move, publishedEntry, submittedEntry, tagIdOf } from "./lead-fixtures";

// The search page over HTTP, as a browser without JavaScript sees it: every
// choice is in the URL and answered by the server.

let server: RunningServer;
const PUBLISHED_COUNT = 23;

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  const lead = await actingUser(db, "lead@kent.test", "force_lead", "kent-police");
  const reviewer = await actingUser(db, "reviewer@college.test", "reviewer");
  const youth = await tagIdOf(db, "youth");
  const shopTheft = await tagIdOf(db, "shop-theft");
  // Enough published entries for two pages of twenty, all about "Margate".
  for (let i = 1; i <= PUBLISHED_COUNT; i++) {
    await publishedEntry(db, lead, reviewer, i % 2 ? youth : shopTheft, { title: `Margate scheme number ${i}` });
  }
  // Text the public must never see, in every other state.
  const hidden = (word: string) => ({ title: `Margate ${word}`, problem: JSON.stringify(doc(`Secret ${word} zebrafinch.`)) });
  await submittedEntry(db, lead, youth, hidden("inreview"));
  const rejected = await submittedEntry(db, lead, youth, hidden("rejected"));
  await move(db, rejected, "reject", reviewer, { reason: "Not neighbourhood policing." });
  const archived = await publishedEntry(db, lead, reviewer, youth, hidden("archived"));
  await move(db, archived.entryId, "archive", reviewer, { reason: "Out of date." });
  await db.destroy();
  server = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

/** The <input> tag that has this attribute. */
const inputTag = (html: string, attribute: string) => html.match(/<input[^>]*>/g)?.find((tag) => tag.includes(attribute)) ?? "";

const get = (query: string) => fetch(`${server.url}/search${query}`);

describe("the search page", () => {
  it("shows twenty results a page with a count, and links to the next page that keep the search", async () => {
    const res = await get("?q=margate&tag=youth&tag=shop-theft");
    expect(res.status).toBe(200);
    const html = await pageText(res);
    expect(html).toContain(`${PUBLISHED_COUNT} results for ‘margate’`);
    expect(html).toContain(`Showing 1 to 20 of ${PUBLISHED_COUNT}`);
    expect(html.match(/class="app-search-result"/g)).toHaveLength(20);
    const nextLink = html.match(/<a[^>]*>/g)?.find((tag) => tag.includes('rel="next"')) ?? "";
    const next = new URL(/href="([^"]*)"/.exec(nextLink)![1].replace(/&amp;/g, "&"), server.url);
    expect(next.pathname).toBe("/search");
    expect(next.searchParams.get("q")).toBe("margate");
    expect(next.searchParams.getAll("tag").sort()).toEqual(["shop-theft", "youth"]);
    expect(next.searchParams.get("page")).toBe("2");

    const second = await pageText(await get("?q=margate&tag=youth&tag=shop-theft&page=2"));
    expect(second).toContain(`Showing 21 to ${PUBLISHED_COUNT} of ${PUBLISHED_COUNT}`);
    expect(second.match(/class="app-search-result"/g)).toHaveLength(PUBLISHED_COUNT - 20);
    expect(second).toContain('rel="prev"');
  });

  it("keeps the query, ticked filters and sort in the form, so a search can be refined without JavaScript", async () => {
    const html = await pageText(await get("?q=margate&tag=youth&sort=newest"));
    expect(inputTag(html, 'id="search-q"')).toContain('value="margate"');
    expect(inputTag(html, 'value="youth"')).toContain('checked=""');
    expect(inputTag(html, 'value="shop-theft"')).not.toContain("checked");
    expect(html).toMatch(/<option value="newest" selected="">/);
    expect(html).toContain("Clear filters");
    // Youth is on the odd-numbered entries only.
    expect(html).toContain(`${Math.ceil(PUBLISHED_COUNT / 2)} results for ‘margate’`);
  });

  it("never shows text from entries that are not live", async () => {
    for (const q of ["zebrafinch", "inreview", "rejected", "archived", "secret"]) {
      const html = await pageText(await get(`?q=${q}`));
      expect(html, q).toContain(`No results for ‘${q}’`);
      expect(html, q).not.toContain("zebrafinch</");
    }
    const all = await pageText(await get(""));
    expect(all).not.toMatch(/Margate (inreview|rejected|archived)/);
  });

  it("says so above the results when none holds every word, and shows those holding most of them", async () => {
    const note = "No results contain all of your words. Showing results that contain most of them.";
    // Nothing published holds "walrus"; every published entry holds "margate" and "scheme".
    const partial = await pageText(await get("?q=margate+walrus+scheme"));
    expect(partial).toContain(`${PUBLISHED_COUNT} results for ‘margate walrus scheme’`);
    expect(partial).toContain(note);
    expect(partial.indexOf(note)).toBeLessThan(partial.indexOf('data-testid="search-results"'));
    expect(await pageText(await get("?q=margate+scheme"))).not.toContain(note);
    // Words only unpublished text holds still find nothing of it.
    const hidden = await pageText(await get("?q=margate+zebrafinch"));
    expect(hidden).not.toMatch(/Margate (inreview|rejected|archived)/);
    expect(hidden).not.toContain("zebrafinch</");
  });

  it("shows in its hints the examples that tests/unit/search-site-examples runs, and each finds results", async () => {
    const unquote = (html: string) => html.replace(/&quot;/g, '"');
    expect(unquote(await pageText(await fetch(`${server.url}/`)))).toContain(examplesHint(HOME_SEARCH_EXAMPLES));
    expect(unquote(await pageText(await get("")))).toContain(`${examplesHint(SEARCH_PAGE_EXAMPLES, ", or ")} in quotes for those exact words`);
    // Without the demo case studies, the Week of Action talks answer them.
    for (const q of [...HOME_SEARCH_EXAMPLES, ...SEARCH_PAGE_EXAMPLES]) {
      expect(await pageText(await get(`?q=${encodeURIComponent(q)}`)), q).toMatch(/\d+ results? for/);
    }
  });

  it("answers any input with a page, never an error", async () => {
    for (const q of ['"', 'NEAR(a b', "a AND -b OR", "*", "🚓".repeat(100), "x".repeat(10_000), "<script>alert(1)</script>"]) {
      const res = await get(`?q=${encodeURIComponent(q)}&page=-4&sort=sideways&type=nonsense&tag=${"t".repeat(300)}`);
      expect(res.status, q.slice(0, 20)).toBe(200);
      const html = await res.text();
      expect(html).not.toContain("<script>alert(1)</script>");
    }
  });

  it("may be cached when signed out, and is private when signed in", async () => {
    expect((await get("?q=margate")).headers.get("cache-control")).toBe("public, max-age=60");
    const client = await signedInClient(server.url, "reviewer@college.test", TEST_PASSWORD);
    const res = await client.get("/search?q=margate");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
  });
});
