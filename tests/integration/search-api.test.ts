import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { draftUpdate, leadAndReviewer, move, publishedEntry, submittedEntry, tagIdOf } from "./lead-fixtures";

// GET /api/search on a real server over HTTP: its JSON shape, its headers,
// that only published content ever comes back, and that no input breaks it.

let server: RunningServer;
let liveSlug: string;

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  const { lead, reviewer } = await leadAndReviewer(db);
  const youth = await tagIdOf(db, "youth");

  ({ slug: liveSlug } = await publishedEntry(db, lead, reviewer, youth, {
    title: "Zebra crossing patrols",
    summary: `Zebra wardens near <script>alert("x")</script> schools & parks.`,
  }));
  const updating = await publishedEntry(db, lead, reviewer, youth, { title: "Walking bus scheme" });
  await draftUpdate(db, updating.entryId, lead, youth, { title: "Walking bus scheme marmalade", summary: "Marmalade draft text." });
  const archived = await publishedEntry(db, lead, reviewer, youth, { title: "Kaleidoscope archived scheme" });
  await move(db, archived.entryId, "archive", reviewer, { reason: "Removed." });
  await submittedEntry(db, lead, youth, { title: "Quasar scheme in review" });

  await db.destroy();
  server = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

async function api(query: string) {
  const res = await fetch(`${server.url}/api/search${query}`);
  expect(res.status, query.slice(0, 80)).toBe(200);
  expect(res.headers.get("content-type"), query.slice(0, 80)).toMatch(/^application\/json/);
  return { res, body: (await res.json()) as Record<string, any> };
}

describe("GET /api/search", () => {
  it("answers JSON in the documented shape, open to any site and cacheable for a minute", async () => {
    const { res, body } = await api("?q=zebra");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(Object.keys(body)).toEqual(expect.arrayContaining(["query", "total", "page", "results", "facets", "suggestion"]));
    expect(body).toMatchObject({ query: "zebra", total: 1, page: 1, pageSize: 20, pageCount: 1, suggestion: null, partial: false });
    expect(body.results).toHaveLength(1);
    const [r] = body.results;
    expect(r).toMatchObject({
      type: "practice",
      slug: liveSlug,
      title: "Zebra crossing patrols",
      tags: [{ slug: "youth", label: "Youth (young people)" }],
      organisation: "Sussex Police",
      organisationSlug: "sussex-police",
      evidence: "promising",
      evidenceLabel: "Promising",
      url: `${server.url}/practice/${liveSlug}`,
    });
    expect(new Date(r.date).toISOString()).toBe(r.date);
    expect(Object.keys(body.facets).sort()).toEqual(["evidence", "organisation", "region", "tag", "type"]);
    expect(body.facets.type).toContainEqual({ value: "practice", label: "Case study", count: 1, selected: false });
    expect(body.facets.organisation).toContainEqual({ value: "sussex-police", label: "Sussex Police", count: 1, selected: false });
  });

  it("says when no result holds every word, and gives those holding most of them", async () => {
    const { body } = await api("?q=zebra+wardens+walrus");
    expect(body).toMatchObject({ total: 1, partial: true });
    expect(body.results[0].slug).toBe(liveSlug);
  });

  it("gives snippets as HTML with matched words in <mark> and everything else escaped", async () => {
    const { body } = await api("?q=wardens");
    const { snippet } = body.results[0];
    expect(snippet).toContain("<mark>wardens</mark>");
    expect(snippet).toContain("&lt;script&gt;");
    expect(snippet).toContain("&amp;");
    expect(snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("takes the same filters as /search, repeatable where a facet allows several", async () => {
    const sessions = (await api("?type=session")).body;
    expect(sessions.total).toBe(12);
    expect(sessions.results.every((r: { type: string }) => r.type === "session")).toBe(true);
    const talk = sessions.results[0];
    expect(talk.organisation).toBeNull();
    expect(talk.url).toMatch(new RegExp(`^${server.url}/week-of-action/[a-z0-9-]+$`));
    expect(talk).toHaveProperty("startsAt");
    expect(talk).toHaveProperty("when");

    const twoTags = (await api("?type=session&tag=youth&tag=shop-theft")).body;
    expect(twoTags.results.map((r: { slug: string }) => r.slug).sort()).toEqual([
      "operation-concur-youth-anti-social-behaviour", "operation-stop-gps-tagging-shop-theft",
    ]);
    expect(twoTags.facets.tag.filter((t: { selected: boolean }) => t.selected).map((t: { value: string }) => t.value).sort()).toEqual(["shop-theft", "youth"]);

    const practice = (await api("?type=practice&organisation=sussex-police&evidence=promising&sort=newest")).body;
    expect(practice.results.map((r: { title: string }) => r.title).sort()).toEqual(["Walking bus scheme", "Zebra crossing patrols"]);

    const paged = (await api("?type=session&page=2")).body;
    expect(paged).toMatchObject({ page: 1, pageCount: 1, total: 12 });
  });

  it("only ever returns published content: never drafts of updates, archived or unpublished entries", async () => {
    const everything = (await api("")).body;
    expect(everything.total).toBe(14);
    const titles = everything.results.map((r: { title: string }) => r.title);
    expect(titles).toContain("Walking bus scheme");
    for (const hidden of ["marmalade", "kaleidoscope", "quasar"]) {
      const { body } = await api(`?q=${hidden}`);
      expect(body.total, hidden).toBe(0);
      expect(body.results, hidden).toEqual([]);
      expect(body.facets.type.every((f: { count: number }) => f.count === 0), hidden).toBe(true);
    }
  });

  it("answers 200 with JSON for any input", async () => {
    const nasty = [
      `"`, `"unbalanced quote`, `zebra"`, `NEAR(zebra patrols)`, `zebra OR`, `AND`, `*`, `-zebra`, `^zebra`, `zebra:patrols`, `(((`,
      `title:zebra`, `'; drop table practice_entries; --`, "\u0000", "🚓👮‍♀️ zebra", "z".repeat(10_000), "zebra ".repeat(2_000),
      "%", "\\",
    ];
    for (const q of nasty) {
      const { body } = await api(`?q=${encodeURIComponent(q)}`);
      expect(typeof body.total, q.slice(0, 40)).toBe("number");
      expect(Array.isArray(body.results), q.slice(0, 40)).toBe(true);
    }
    const odd = ["?q=%ZZ", "?q=%ED%A0%80", "?page=-1", "?page=abc", "?page=99999999999", "?type=bogus", "?sort=bogus",
      "?tag=no-such-tag", "?organisation=%00", "?q=a&q=b", `?${"tag=x&".repeat(300)}`, "?region[]=x"];
    for (const query of odd) {
      const { body } = await api(query);
      expect(typeof body.total, query).toBe("number");
    }
  });

  it("does not take a POST", async () => {
    const res = await fetch(`${server.url}/api/search`, { method: "POST", body: "q=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(405);
  });
});
