import { writeTransaction } from "./transaction";
import type { Kysely } from "kysely";
import type { Database } from "./schema";
import { hashPassword } from "../app/lib/password.server";
import organisationsFile from "./data/organisations.json";
import tagsFile from "./data/tags.json";
import { seedDemoPractice } from "./demo-practice";
import { loadWeekOfAction } from "./week-of-action";

type DB = Kysely<Database>;

// Seeding only ever inserts what is missing, keyed by slug or email: running it
// again changes nothing, and an admin's edits (a recording link, a renamed tag)
// survive every restart.

export const DEMO_PASSWORD = "practice-bank-demo";

export const DEMO_ACCOUNTS = [
  { email: "sussex.lead@demo.test", name: "Sam Patel", role: "force_lead", organisation: "sussex-police" },
  { email: "sussex.colleague@demo.test", name: "Jo Morgan", role: "force_lead", organisation: "sussex-police" },
  { email: "hampshire.lead@demo.test", name: "Alex Reid", role: "force_lead", organisation: "hampshire-and-isle-of-wight-constabulary" },
  // Leads of the other forces whose invented case studies demo mode publishes (data/demo-practice.json).
  { email: "west-midlands.lead@demo.test", name: "Nadia Hussain", role: "force_lead", organisation: "west-midlands-police" },
  { email: "greater-manchester.lead@demo.test", name: "Liam Doyle", role: "force_lead", organisation: "greater-manchester-police" },
  { email: "merseyside.lead@demo.test", name: "Kate Mulligan", role: "force_lead", organisation: "merseyside-police" },
  { email: "avon-somerset.lead@demo.test", name: "Ben Carter", role: "force_lead", organisation: "avon-and-somerset-police" },
  { email: "dyfed-powys.lead@demo.test", name: "Rhian Hughes", role: "force_lead", organisation: "dyfed-powys-police" },
  { email: "met.lead@demo.test", name: "Daniel Okafor", role: "force_lead", organisation: "metropolitan-police-service" },
  { email: "northumbria.lead@demo.test", name: "Emma Robson", role: "force_lead", organisation: "northumbria-police" },
  { email: "reviewer@demo.test", name: "Priya Shah", role: "reviewer", organisation: null },
  { email: "reviewer2@demo.test", name: "Tom Evans", role: "reviewer", organisation: null },
  { email: "admin@demo.test", name: "Chris Lee", role: "admin", organisation: null },
] as const;

export async function seedReferenceData(db: DB) {
  await writeTransaction(db, async (trx) => {
    await trx
      .insertInto("organisations")
      .values(organisationsFile.organisations.map((o) => ({ slug: o.slug, name: o.name, kind: o.kind as never, region: o.region })))
      .onConflict((oc) => oc.doNothing())
      .execute();

    const newTags = new Set<string>();
    for (const tag of tagsFile.tags) {
      const inserted = await trx
        .insertInto("tags")
        .values({ slug: tag.slug, label: tag.label })
        .onConflict((oc) => oc.doNothing())
        .returning("id")
        .executeTakeFirst();
      // Synonyms come with a new tag only; afterwards admins own them.
      if (inserted) {
        newTags.add(tag.slug);
        await trx
          .insertInto("tag_synonyms")
          .values(tag.synonyms.map((term) => ({ tag_id: inserted.id, term })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }

    const tagIds = new Map((await trx.selectFrom("tags").select(["id", "slug"]).execute()).map((t) => [t.slug, t.id]));
    // The thesaurus likewise: links that touch a tag added just now.
    const relations = tagsFile.tags.flatMap((t) => [
      ...t.broader.map((other) => ({ tag: t.slug, other, kind: "broader" as const })),
      ...t.related.map((other) => ({ tag: t.slug, other, kind: "related" as const })),
    ]);
    for (const { tag, other, kind } of relations) {
      const [a, b] = [tagIds.get(tag), tagIds.get(other)];
      if (a === undefined || b === undefined || (!newTags.has(tag) && !newTags.has(other))) continue;
      const [tagId, otherId] = kind === "related" && b < a ? [b, a] : [a, b];
      await trx.insertInto("tag_relations").values({ tag_id: tagId, other_tag_id: otherId, kind }).onConflict((oc) => oc.doNothing()).execute();
    }
    const orgIds = new Map((await trx.selectFrom("organisations").select(["id", "name"]).execute()).map((o) => [o.name, o.id]));

    for (const s of loadWeekOfAction().sessions) {
      const inserted = await trx
        .insertInto("event_sessions")
        .values({
          slug: s.slug,
          title: s.title,
          summary: s.summary,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          listed_day: s.listedDay,
          booking_url: s.bookingUrl,
          data_warnings: JSON.stringify(s.warnings),
        })
        .onConflict((oc) => oc.doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) continue;
      await trx
        .insertInto("event_speakers")
        .values(
          s.speakers.map((sp, position) => ({
            event_session_id: inserted.id,
            position,
            name: sp.name,
            role: sp.role,
            organisation_name: sp.organisation,
            organisation_id: orgIds.get(sp.organisation) ?? null,
          })),
        )
        .execute();
      const ids = s.tags.map((slug) => {
        const id = tagIds.get(slug);
        if (!id) throw new Error(`Session ${s.slug} names unknown tag ${slug}`);
        return id;
      });
      await trx.insertInto("event_session_tags").values(ids.map((tag_id) => ({ event_session_id: inserted.id, tag_id }))).execute();
    }
  });
}

/** Demo accounts, then the invented case studies they wrote and published; each only if missing. */
export async function seedDemoData(db: DB) {
  await seedDemoAccounts(db);
  await seedDemoPractice(db);
}

async function seedDemoAccounts(db: DB) {
  const existing = new Set((await db.selectFrom("users").select("email").execute()).map((u) => u.email));
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.email));
  if (missing.length === 0) return;
  const orgIds = new Map((await db.selectFrom("organisations").select(["id", "slug"]).execute()).map((o) => [o.slug, o.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insertInto("users")
    .values(
      missing.map((a) => ({
        email: a.email,
        name: a.name,
        role: a.role,
        password_hash: passwordHash,
        organisation_id: a.organisation ? orgIds.get(a.organisation)! : null,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}
