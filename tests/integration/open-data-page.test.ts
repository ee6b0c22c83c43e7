import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageText } from "../support/client";
import { startServer, type RunningServer } from "../support/server";

// The /open-data page and the links that lead to it, on a server with
// nothing published yet: every file it offers must still answer, empty.

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

describe("/open-data", () => {
  it("is linked from the home page and from the footer of every page", async () => {
    for (const path of ["/", "/week-of-action"]) {
      const html = await pageText(await fetch(server.url + path));
      expect(html, path).toMatch(/<a class="govuk-footer__link"[^>]* href="\/open-data">Open data<\/a>/);
    }
    expect(await pageText(await fetch(`${server.url}/`))).toMatch(/<a class="govuk-link"[^>]* href="\/open-data">Get the practice bank&#x27;s data<\/a>/);
  });

  it("links to the exports, the feed and the search API, each of which answers even with nothing published", async () => {
    const res = await fetch(`${server.url}/open-data`);
    expect(res.status).toBe(200);
    const html = await pageText(res);
    expect(html).toContain(`<h1 class="govuk-heading-xl">Open data</h1>`);
    const links = Array.from(html.matchAll(/<a class="govuk-link" href="([^"]+)"/g), (m) => m[1].replace(/&amp;/g, "&"));
    expect(links).toEqual(["/practice/export.csv", "/practice/export.json", "/practice/feed.xml", "/api/search?q=shop+theft&type=practice"]);

    const csv = await (await fetch(`${server.url}/practice/export.csv`)).text();
    expect(csv.split("\r\n")).toHaveLength(2);
    expect(await (await fetch(`${server.url}/practice/export.json`)).json()).toMatchObject({ count: 0, entries: [] });
    const feed = await (await fetch(`${server.url}/practice/feed.xml`)).text();
    expect(feed).toContain("<author><name>Neighbourhood policing practice bank</name></author>");
    expect(feed).not.toContain("<entry>");
    const api = await (await fetch(`${server.url}/api/search?q=shop+theft&type=practice`)).json();
    expect(api).toMatchObject({ query: "shop theft", total: 0, results: [] });
  });
});
