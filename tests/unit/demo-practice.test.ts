import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import raw from "../../db/data/demo-practice.json";
import { applyTransition, type ActingUser } from "../../app/models/entry-workflow.server";
import { ensureSearchIndex, search } from "../../app/models/search.server";
import { openDatabase, type DB } from "../../db/connection";
import { loadDemoPractice } from "../../db/demo-practice";
import { prepareDatabase } from "../../db/prepare";
import { DEMO_ACCOUNTS, seedDemoData } from "../../db/seed";
import { copiedRuns, jsonText } from "../support/article-fingerprint";

const open: DB[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.destroy();
});

async function prepared(demo: boolean) {
  const db = openDatabase(":memory:");
  open.push(db);
  await prepareDatabase(db, { demo });
  return db;
}

const entries = loadDemoPractice();

async function count(db: DB, table: "practice_entries" | "practice_revisions" | "workflow_events" | "notifications" | "email_outbox" | "search_documents") {
  const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}

async function snapshot(db: DB) {
  const out: Record<string, unknown[]> = {};
  for (const table of ["practice_entries", "practice_revisions", "practice_revision_tags", "practice_entry_tags", "workflow_events", "notifications", "email_outbox", "search_documents", "users"] as const) {
    out[table] = await db.selectFrom(table).selectAll().orderBy(sql`rowid`).execute();
  }
  return out;
}

describe("the demo case studies file", () => {
  it("holds about ten case studies across several forces, regions, topics and every evidence label, dated before 25 November 2026", () => {
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(new Set(entries.map((e) => e.organisation)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(entries.map((e) => e.evidenceLabel))).toEqual(new Set(["worked", "promising", "untested", "did_not_work"]));
    expect(new Set(entries.flatMap((e) => e.tags)).size).toBeGreaterThanOrEqual(8);
    for (const e of entries) {
      expect(e.publishedAt >= "2025-01-01" && e.publishedAt < "2026-11-25").toBe(true);
      expect(e.summary).toMatch(/invented case study for the demo site/);
    }
    expect(new Set(entries.map((e) => e.publishedAt)).size).toBe(entries.length);
  });

  it("is written only by demo accounts: force leads of the entry's organisation, published by demo reviewers", () => {
    const accounts = new Map<string, (typeof DEMO_ACCOUNTS)[number]>(DEMO_ACCOUNTS.map((a) => [a.email, a]));
    for (const e of entries) {
      expect(accounts.get(e.author)).toMatchObject({ role: "force_lead", organisation: e.organisation });
      expect(accounts.get(e.publishedBy)?.role).toBe("reviewer");
    }
  });

  // Invented text, in our own words: no run of eight words of the College's
  // article's prose appears in the case studies.
  it("does not copy the College's article", () => {
    expect(copiedRuns(jsonText(raw))).toEqual([]);
  });

  it("refuses a file where two case studies share a title", () => {
    const twice = structuredClone(raw);
    twice.entries[1].title = twice.entries[0].title;
    expect(() => loadDemoPractice(twice)).toThrow(/its own title/);
  });
});

describe("demo seeding of case studies", () => {
  it("publishes each case study through the workflow, with its organisation, author, reviewer, evidence label, tags and date", async () => {
    const db = await prepared(true);
    const rows = await db
      .selectFrom("practice_entries as e")
      .innerJoin("organisations as o", "o.id", "e.organisation_id")
      .innerJoin("practice_revisions as r", "r.id", "e.published_revision_id")
      .innerJoin("users as u", "u.id", "e.created_by")
      .select(["e.id", "e.status", "e.slug", "e.evidence_label", "e.first_published_at", "e.published_at", "e.submitted_at", "e.working_revision_id", "e.published_revision_id", "o.slug as organisation", "r.title", "r.summary", "r.frozen_at", "r.body_text", "u.email as author"])
      .orderBy("e.id")
      .execute();
    expect(rows.map((r) => r.title)).toEqual(entries.map((e) => e.title));

    for (const [i, row] of rows.entries()) {
      const e = entries[i];
      expect(row).toMatchObject({
        status: "published", organisation: e.organisation, evidence_label: e.evidenceLabel, author: e.author, summary: e.summary,
        first_published_at: e.publishedAt, published_at: e.publishedAt,
      });
      expect(row.submitted_at! < e.publishedAt).toBe(true);
      // Titles are short enough for the whole title to become the address, not cut off mid-word.
      expect(row.slug).toBe(e.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""));
      expect(row.frozen_at).not.toBeNull();
      expect(row.working_revision_id).toBe(row.published_revision_id);
      expect(row.body_text).toContain(e.sections.problem![0]);

      const tags = await db.selectFrom("practice_entry_tags").innerJoin("tags", "tags.id", "practice_entry_tags.tag_id").select("tags.slug").where("entry_id", "=", row.id).execute();
      expect(tags.map((t) => t.slug).sort()).toEqual([...e.tags].sort());
      const events = await db
        .selectFrom("workflow_events")
        .innerJoin("users", "users.id", "workflow_events.actor_id")
        .select(["workflow_events.action", "workflow_events.to_status", "users.email"])
        .where("entry_id", "=", row.id)
        .orderBy("workflow_events.id")
        .execute();
      expect(events).toEqual([
        { action: "create", to_status: "draft", email: e.author },
        { action: "submit", to_status: "in_review", email: e.author },
        { action: "publish", to_status: "published", email: e.publishedBy },
      ]);
    }
  });

  it("leaves no notifications and no emails behind for anyone", async () => {
    const db = await prepared(true);
    expect(await count(db, "practice_entries")).toBe(entries.length);
    expect(await count(db, "notifications")).toBe(0);
    expect(await count(db, "email_outbox")).toBe(0);
  });

  it("makes them searchable with their publication dates, synonyms included, and leaves the index in step", async () => {
    // Index the sessions first, so that only the seeding's own indexing can put the entries in.
    const db = await prepared(false);
    await seedDemoData(db);
    expect(await ensureSearchIndex(db)).toBe(false);

    const shoplifting = await search(db, { q: "shoplifting", types: ["practice"] });
    expect(shoplifting.results.map((r) => r.title)).toEqual(expect.arrayContaining([
      "GPS tags for prolific shoplifters leaving custody in Walsall town centre",
      "Crawley business crime partnership: one radio network, one reporting form",
    ]));
    // "Juveniles" appears in none of the texts: it is a synonym of youth and young people.
    const juveniles = await search(db, { q: "juveniles", types: ["practice"] });
    expect(juveniles.results.map((r) => r.title)).toContain("Evening youth offer in Brookmead Rec cuts antisocial behaviour reports");

    const newest = await search(db, { types: ["practice"], sort: "newest" });
    expect(newest.total).toBe(entries.length);
    const latest = entries.at(-1)!;
    expect(newest.results[0]).toMatchObject({ title: latest.title, date: latest.publishedAt, evidence: latest.evidenceLabel });
    expect(newest.facets.evidence.map((f) => f.value).sort()).toEqual(["did_not_work", "promising", "untested", "worked"]);
    expect(newest.facets.region.length).toBeGreaterThanOrEqual(5);
  });

  it("is idempotent: preparing again changes nothing, and an entry a reviewer took down stays down", async () => {
    const db = await prepared(true);
    const reviewer = await db.selectFrom("users").select(["id", "name"]).where("email", "=", "reviewer@demo.test").executeTakeFirstOrThrow();
    const actor: ActingUser = { id: reviewer.id, name: reviewer.name, role: "reviewer", organisationId: null };
    const first = await db.selectFrom("practice_entries").select(["id", "state_version"]).orderBy("id").executeTakeFirstOrThrow();
    const outcome = await applyTransition(db, { entryId: first.id, action: "archive", actor, expectedStateVersion: first.state_version, reason: "Demo: out of date." });
    expect(outcome.ok).toBe(true);

    const before = await snapshot(db);
    await prepareDatabase(db, { demo: true });
    await seedDemoData(db);
    expect(await snapshot(db)).toEqual(before);
    const archived = await db.selectFrom("practice_entries").select("status").where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(archived.status).toBe("archived");
    expect(await count(db, "practice_entries")).toBe(entries.length);
  });

  it("adds only the case studies that are missing", async () => {
    const db = await prepared(true);
    const revisions = await count(db, "practice_revisions");
    const extra = structuredClone(entries[0]);
    extra.title = "A further demo case study";
    extra.publishedAt = "2026-11-01T10:00:00.000Z";
    expect(await (await import("../../db/demo-practice")).seedDemoPractice(db, [...entries, extra])).toHaveLength(1);
    expect(await count(db, "practice_entries")).toBe(entries.length + 1);
    expect(await count(db, "practice_revisions")).toBe(revisions + 1);
  });

  it("creates no case studies, accounts or messages outside demo mode", async () => {
    const db = await prepared(false);
    expect(await count(db, "practice_entries")).toBe(0);
    expect(await count(db, "workflow_events")).toBe(0);
    expect(await count(db, "notifications")).toBe(0);
    expect(await count(db, "email_outbox")).toBe(0);
    expect(await db.selectFrom("users").selectAll().execute()).toEqual([]);
    const found = await search(db, { q: "shoplifting" });
    expect(found.results.every((r) => r.type === "session")).toBe(true);
  });
});
