import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { search } from "../../app/models/search.server";
import { memoryDatabase } from "../support/database";
import { doc } from "../support/entries";
import { actingUserByEmail, publishedEntry, tagIdOf } from "../support/entry-fixtures";
import { addUser } from "../support/users";

// Ranking groups: entries that hold every word of the query in their title,
// summary, topics or organisation come before those that only mention them in
// the body, however often; pages run on across the two groups without gaps
// or repeats.

let db: DB;
const about = new Set<string>();
const mentions = new Set<string>();
const youthSlugs = new Set<string>();

beforeAll(async () => {
  db = await memoryDatabase();
  await addUser(db, "lead@kent.test", "force_lead", "kent-police");
  await addUser(db, "reviewer@college.test", "reviewer");
  const lead = await actingUserByEmail(db, "lead@kent.test");
  const reviewer = await actingUserByEmail(db, "reviewer@college.test");
  const youth = await tagIdOf(db, "youth");
  const shopTheft = await tagIdOf(db, "shop-theft");
  const body = (text: string) => JSON.stringify(doc(text));

  for (let i = 1; i <= 12; i++) {
    const tag = i % 2 ? youth : shopTheft;
    const fields = i % 3 === 0
      ? { title: `Scheme ${i} in Dover`, summary: `Lanterns along the footpath to the station, scheme ${i}.` }
      : { title: `Lantern walk ${i} in Dover`, summary: `A scheme to light the footpath, number ${i}.` };
    const { slug } = await publishedEntry(db, lead, reviewer, tag, fields);
    about.add(slug);
    if (tag === youth) youthSlugs.add(slug);
  }
  for (let i = 1; i <= 15; i++) {
    const tag = i % 2 ? youth : shopTheft;
    const { slug } = await publishedEntry(db, lead, reviewer, tag, {
      title: `Footpath scheme ${i} in Deal`,
      summary: `Better lighting on a footpath, number ${i}.`,
      response: body(`A lantern, another lantern, lanterns on every lamp post: lantern after lantern (${i}).`),
    });
    mentions.add(slug);
    if (tag === youth) youthSlugs.add(slug);
  }
});
afterAll(async () => db?.destroy());

const slugsOf = (response: Awaited<ReturnType<typeof search>>) => response.results.filter((r) => r.type === "practice").map((r) => r.slug);

describe("ranking by relevance", () => {
  it("puts every entry that is about the words before any that only mentions them in the body", async () => {
    const first = await search(db, { q: "lantern " });
    expect(first.total).toBe(27);
    const page1 = slugsOf(first);
    expect(page1.slice(0, 12).every((s) => about.has(s))).toBe(true);
    expect(page1.slice(12).every((s) => mentions.has(s))).toBe(true);
    // Within the first group, a title match comes before a summary match.
    const titleMatches = page1.slice(0, 12).map((s) => /^lantern-walk/.test(s));
    expect(titleMatches.indexOf(false)).toBeGreaterThan(titleMatches.lastIndexOf(true));
  });

  it("runs on to the next page without a gap or a repeat", async () => {
    const page1 = slugsOf(await search(db, { q: "lantern ", page: 1 }));
    const page2 = slugsOf(await search(db, { q: "lantern ", page: 2 }));
    expect(page1).toHaveLength(20);
    expect(page2).toHaveLength(7);
    expect(new Set([...page1, ...page2])).toEqual(new Set([...about, ...mentions]));
  });

  it("keeps the same order when a filter narrows the results", async () => {
    const filtered = await search(db, { q: "lantern ", tags: ["youth"] });
    const slugs = slugsOf(filtered);
    expect(slugs.length).toBe(filtered.total);
    expect(new Set(slugs)).toEqual(youthSlugs);
    const firstMention = slugs.findIndex((s) => mentions.has(s));
    expect(slugs.slice(firstMention).every((s) => mentions.has(s))).toBe(true);
    expect(slugs.slice(0, firstMention).every((s) => about.has(s))).toBe(true);
  });

  it("needs every word in those fields to count as about them", async () => {
    // "Dover" is in the first group's titles, "lantern" in their titles or summaries;
    // in Deal, "lantern" is only in the body, so none of them is about "lantern deal".
    const response = await search(db, { q: "lantern deal " });
    expect(new Set(slugsOf(response))).toEqual(mentions);
  });
});
