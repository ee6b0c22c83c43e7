import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";
import { migrations } from "../../db/migrations/index";
import { DEMO_ACCOUNTS, seedDemoData, seedReferenceData } from "../../db/seed";
import { freshDatabase } from "../support/database";

const open: DB[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.destroy();
});

async function snapshot(db: DB) {
  const tables = ["organisations", "tags", "tag_synonyms", "event_sessions", "event_speakers", "event_session_tags", "users"] as const;
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    out[table] = await db.selectFrom(table).selectAll().orderBy(sql`rowid`).execute();
  }
  return out;
}

describe("migrations", () => {
  it("build every table from an empty database and record themselves", async () => {
    const db = openDatabase(":memory:");
    open.push(db);
    const applied = await migrateToLatest(db);
    expect(applied).toEqual(Object.keys(migrations));
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
    expect(tables.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        "organisations", "users", "sessions", "login_attempts", "tags", "tag_synonyms", "event_sessions",
        "event_speakers", "event_session_tags", "practice_entries", "practice_revisions", "practice_revision_tags",
        "practice_entry_tags", "review_comments", "workflow_events", "notifications", "email_outbox", "admin_audit",
      ]),
    );
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it("open file databases in WAL mode with foreign keys, NORMAL sync and a busy timeout", async () => {
    const { db, file } = await freshDatabase({ seed: false });
    open.push(db);
    const check = openDatabase(file);
    open.push(check);
    const pragma = async (name: string) => (await sql.raw(`pragma ${name}`).execute(check)).rows[0];
    expect(await pragma("journal_mode")).toEqual({ journal_mode: "wal" });
    expect(await pragma("foreign_keys")).toEqual({ foreign_keys: 1 });
    expect(await pragma("synchronous")).toEqual({ synchronous: 1 });
    expect(await pragma("busy_timeout")).toEqual({ timeout: 5000 });
  });

  it("enforce the rules the app relies on: force leads have an organisation, the audit trail is append-only", async () => {
    const db = openDatabase(":memory:");
    open.push(db);
    await migrateToLatest(db);
    await expect(
      db.insertInto("users").values({ email: "a@b.test", name: "A", password_hash: "x", role: "force_lead", organisation_id: null }).execute(),
    ).rejects.toThrow(/CHECK constraint failed/);

    await seedReferenceData(db);
    await seedDemoData(db);
    const lead = await db.selectFrom("users").select(["id", "organisation_id"]).where("email", "=", "sussex.lead@demo.test").executeTakeFirstOrThrow();
    const entry = await db.insertInto("practice_entries").values({ organisation_id: lead.organisation_id!, created_by: lead.id }).returning("id").executeTakeFirstOrThrow();
    const event = await db
      .insertInto("workflow_events")
      .values({ entry_id: entry.id, actor_id: lead.id, action: "created", to_status: "draft" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(db.updateTable("workflow_events").set({ reason: "edited" }).where("id", "=", event.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("workflow_events").where("id", "=", event.id).execute()).rejects.toThrow(/append-only/);
  });
});

describe("seed", () => {
  it("loads the 43 territorial forces with regions, the other bodies, and the tags with synonyms", async () => {
    const { db } = await freshDatabase();
    open.push(db);
    const forces = await db.selectFrom("organisations").selectAll().where("kind", "=", "territorial_force").execute();
    expect(forces).toHaveLength(43);
    expect(forces.filter((f) => f.region === "Wales").map((f) => f.name).sort()).toEqual([
      "Dyfed-Powys Police", "Gwent Police", "North Wales Police", "South Wales Police",
    ]);
    expect(forces.find((f) => f.name === "Sussex Police")?.region).toBe("South East");
    const others = await db.selectFrom("organisations").select("name").where("kind", "!=", "territorial_force").execute();
    expect(others.map((o) => o.name)).toEqual(expect.arrayContaining(["British Transport Police", "Opal", "North West Regional Organised Crime Unit"]));
    const asb = await db.selectFrom("tags").innerJoin("tag_synonyms", "tag_synonyms.tag_id", "tags.id")
      .select("tag_synonyms.term").where("tags.slug", "=", "anti-social-behaviour").execute();
    expect(asb.map((s) => s.term)).toEqual(expect.arrayContaining(["asb", "antisocial behaviour", "anti-social behaviour"]));
  });

  it("is idempotent: seeding twice leaves exactly the same data, and keeps an admin's edits", async () => {
    const { db } = await freshDatabase({ demo: true });
    open.push(db);
    await db.updateTable("event_sessions").set({ recording_url: "https://example.org/recording" }).where("slug", "=", "operation-stop-gps-tagging-shop-theft").execute();
    const before = await snapshot(db);
    await seedReferenceData(db);
    await seedDemoData(db);
    expect(await snapshot(db)).toEqual(before);
    expect(before.users).toHaveLength(DEMO_ACCOUNTS.length);
  });

  it("has the twelve sessions of the week with UK times stored as UTC instants and their speakers", async () => {
    const { db } = await freshDatabase();
    open.push(db);
    const sessions = await db.selectFrom("event_sessions").selectAll().orderBy("starts_at").execute();
    expect(sessions).toHaveLength(12);
    expect(sessions[0]).toMatchObject({
      title: "Problem-solving serious violence at fast food restaurants",
      starts_at: "2026-06-15T09:00:00.000Z",
      ends_at: "2026-06-15T10:00:00.000Z",
    });
    expect(sessions.at(-1)).toMatchObject({ slug: "facial-recognition-disrupting-crime", starts_at: "2026-06-19T11:00:00.000Z" });
    const perDay = new Map<string, number>();
    for (const s of sessions) perDay.set(s.starts_at.slice(0, 10), (perDay.get(s.starts_at.slice(0, 10)) ?? 0) + 1);
    expect(Object.fromEntries(perDay)).toEqual({ "2026-06-15": 2, "2026-06-16": 3, "2026-06-17": 2, "2026-06-18": 3, "2026-06-19": 2 });

    const parks = sessions.find((s) => s.slug === "safer-parks-women-and-girls")!;
    const speakers = await db.selectFrom("event_speakers").selectAll().where("event_session_id", "=", parks.id).orderBy("position").execute();
    expect(speakers.map((s) => [s.name, s.role, s.organisation_name])).toEqual([
      ["Dr Anna Barker", "Associate Professor of Criminology", "University of Leeds"],
      ["Dr Fran Pontin", "Lecturer", "University of Leeds"],
      ["Helen Forman", "Urban Design Lead", "West Yorkshire Combined Authority"],
    ]);
    expect(speakers[0].organisation_id).not.toBeNull();
  });

  it("flags the weekday the source got wrong instead of guessing, and only that one", async () => {
    const { db } = await freshDatabase();
    open.push(db);
    const flagged = (await db.selectFrom("event_sessions").select(["slug", "data_warnings"]).execute()).filter(
      (s) => JSON.parse(s.data_warnings).length > 0,
    );
    expect(flagged.map((s) => s.slug)).toEqual(["national-picture-leaders-training"]);
    expect(JSON.parse(flagged[0].data_warnings)[0]).toMatch(/Tuesday.*2026-06-17 is a Wednesday/);
  });

  it("creates demo accounts only when asked, all with the demo password's hash", async () => {
    const { db } = await freshDatabase();
    open.push(db);
    expect(await db.selectFrom("users").selectAll().execute()).toEqual([]);
    await seedDemoData(db);
    const users = await db.selectFrom("users").select(["email", "role", "password_hash"]).execute();
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining(["sussex.lead@demo.test", "hampshire.lead@demo.test", "reviewer@demo.test", "admin@demo.test"]));
    expect(users.every((u) => u.password_hash.startsWith("scrypt$"))).toBe(true);
  });
});
