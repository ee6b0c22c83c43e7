import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { xmlParser, type XmlElement, type XmlParser } from "../support/xml";
import { draftUpdate, leadAndReviewer, move, publishedEntry, submittedEntry, tagIdOf } from "./lead-fixtures";

// The Atom feed at /practice/feed.xml over HTTP, read by a strict XML parser
// and checked against what RFC 4287 requires of a feed and its entries.

const ATOM = "http://www.w3.org/2005/Atom";
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HOSTILE_TITLE = `Bins & "benches" <b>not bold</b> ]]> 'quoted'`;
const HOSTILE_SUMMARY = `A summary with <script>alert(1)</script>, an & and a control character\u000B that XML 1.0 forbids.`;
const FILLERS = 49;

let server: RunningServer;
let parser: XmlParser;
const slugs: Record<string, string> = {};

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  const { lead, reviewer } = await leadAndReviewer(db);
  const youth = await tagIdOf(db, "youth");
  const asb = await tagIdOf(db, "anti-social-behaviour");

  for (let n = 1; n <= FILLERS; n++) slugs[`filler${n}`] = (await publishedEntry(db, lead, reviewer, youth, { title: `Filler entry ${n}` })).slug;
  const hostile = await submittedEntry(db, lead, youth, { title: HOSTILE_TITLE, summary: HOSTILE_SUMMARY });
  slugs.hostile = (await move(db, hostile, "publish", reviewer, { evidenceLabel: "worked", tagIds: [youth, asb] })).slug!;
  const updating = await publishedEntry(db, lead, reviewer, youth, { title: "Entry being updated" });
  slugs.updating = updating.slug;
  await draftUpdate(db, updating.entryId, lead, youth, { title: "Draft title marmalade" });
  const archived = await publishedEntry(db, lead, reviewer, youth, { title: "Taken down kaleidoscope" });
  await move(db, archived.entryId, "archive", reviewer, { reason: "Asked to." });
  await submittedEntry(db, lead, youth, { title: "In review quasar" });

  await db.destroy();
  [server, parser] = await Promise.all([startServer({ databasePath: file, env: { MAIL_WORKER: "off" } }), xmlParser()]);
});
afterAll(async () => {
  await parser?.close();
  await server?.stop();
});

/** The Atom child elements of an element with a given name. */
const atom = (el: XmlElement, name: string) => el.children.filter((c) => c.namespace === ATOM && c.name === name);
const one = (el: XmlElement, name: string) => {
  const found = atom(el, name);
  expect(found, `exactly one atom:${name} in atom:${el.name}`).toHaveLength(1);
  return found[0];
};

async function fetchFeed() {
  const res = await fetch(`${server.url}/practice/feed.xml`);
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
}

describe("/practice/feed.xml", () => {
  it("is served as Atom, UTF-8, cacheable and open to other sites", async () => {
    const { res } = await fetchFeed();
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("is well-formed XML with everything RFC 4287 requires of a feed and of each entry", async () => {
    const feed = await parser.parse((await fetchFeed()).text);
    expect(feed).toMatchObject({ namespace: ATOM, name: "feed" });
    expect(one(feed, "id").text).toMatch(/^tag:[a-z0-9.-]+,\d{4}:\S+$/);
    expect(one(feed, "title").text).toBe("Neighbourhood policing practice bank: newly published practice");
    expect(one(feed, "updated").text).toMatch(RFC3339);
    expect(atom(feed, "link").find((l) => l.attributes.rel === "self")?.attributes.href).toBe(`${server.url}/practice/feed.xml`);
    expect(atom(one(feed, "author"), "name")[0].text).not.toBe("");

    const entries = atom(feed, "entry");
    expect(entries.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const entry of entries) {
      const id = one(entry, "id").text;
      expect(id).toMatch(/^tag:practice-bank,2026:practice\/[a-z0-9-]+$/);
      ids.add(id);
      expect(one(entry, "title").text).not.toBe("");
      expect(one(entry, "updated").text).toMatch(RFC3339);
      expect(one(entry, "published").text).toMatch(RFC3339);
      const alternate = atom(entry, "link").filter((l) => l.attributes.rel === "alternate");
      expect(alternate).toHaveLength(1);
      expect(alternate[0].attributes.href).toMatch(new RegExp(`^${server.url}/practice/[a-z0-9-]+$`));
      expect(one(one(entry, "author"), "name").text).toBe("Sussex Police");
      expect(one(entry, "summary").attributes.type).toBe("text");
    }
    expect(ids.size).toBe(entries.length);
  });

  it("lists the newest 50 live entries, most recently published first, with their published text only", async () => {
    const { text } = await fetchFeed();
    const feed = await parser.parse(text);
    const slugsInFeed = atom(feed, "entry").map((e) => one(e, "id").text.split("/").pop());
    expect(slugsInFeed).toHaveLength(50);
    expect(slugsInFeed.slice(0, 3)).toEqual([slugs.updating, slugs.hostile, slugs[`filler${FILLERS}`]]);
    expect(slugsInFeed).not.toContain(slugs.filler1);
    for (const hidden of ["marmalade", "kaleidoscope", "quasar"]) expect(text).not.toContain(hidden);
    const updating = atom(feed, "entry")[0];
    expect(one(updating, "title").text).toBe("Entry being updated");
    expect(one(updating, "updated").text >= one(updating, "published").text).toBe(true);
  });

  it("escapes hostile text so it reads back exactly, dropping only characters XML cannot hold", async () => {
    const feed = await parser.parse((await fetchFeed()).text);
    const entry = atom(feed, "entry").find((e) => one(e, "id").text.endsWith(`/${slugs.hostile}`))!;
    expect(one(entry, "title").text).toBe(HOSTILE_TITLE);
    expect(one(entry, "title").children).toEqual([]);
    expect(one(entry, "summary").text).toBe(HOSTILE_SUMMARY.replace("\u000B", ""));
    expect(atom(entry, "category").map((c) => c.attributes)).toEqual([
      { term: "anti-social-behaviour", label: "Anti-social behaviour (ASB)" },
      { term: "youth", label: "Youth (young people)" },
    ]);
  });

  it("is advertised in the head of every page for browsers and feed readers", async () => {
    for (const path of ["/", `/practice/${slugs.hostile}`]) {
      const html = await (await fetch(server.url + path)).text();
      expect(html, path).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/practice\/feed.xml" title="[^"]+"\/>/);
    }
  });
});
