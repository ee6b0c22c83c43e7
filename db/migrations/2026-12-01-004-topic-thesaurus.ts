import { sql, type Kysely } from "kysely";

// Frozen once shipped: later changes go in new migration files.
// Uses Kysely<any> and no application types, like every migration.
//
// A thesaurus of topics: how tags relate to each other. One row says that
// `other_tag_id` is broader than `tag_id` (kind 'broader': knife crime is a
// kind of serious violence; read the other way round, knife crime is
// narrower), or that the two are related (kind 'related', one row per pair,
// the lower id first). Search widens a narrower topic to its broader one.
//
// The links between the tags that already exist are added here, for
// databases made before this migration; a new database gets them from the
// seed (db/data/tags.json), which runs after the migrations.

const SEEDED: [tag: string, other: string, kind: "broader" | "related"][] = [
  ["knife-crime", "serious-violence", "broader"],
  ["knife-crime", "youth", "related"],
  ["knife-crime", "stop-and-search", "related"],
  ["anti-social-behaviour", "youth", "related"],
  ["anti-social-behaviour", "problem-solving", "related"],
  ["shop-theft", "serious-organised-acquisitive-crime", "related"],
  ["child-safety-online-harms", "fraud-cybercrime", "related"],
  ["child-safety-online-harms", "youth", "related"],
  ["vawg-safer-public-spaces", "serious-violence", "related"],
  ["officer-staff-welfare", "leadership-training", "related"],
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table tag_relations (
      tag_id integer not null references tags(id),
      other_tag_id integer not null references tags(id),
      kind text not null check (kind in ('broader', 'related')),
      primary key (tag_id, other_tag_id),
      check (tag_id <> other_tag_id),
      check (kind = 'broader' or tag_id < other_tag_id)
    ) without rowid`.execute(db);
  await sql`create index tag_relations_other on tag_relations (other_tag_id)`.execute(db);

  for (const [tag, other, kind] of SEEDED) {
    // Related pairs are stored lower id first; the tags may not exist (a new database).
    await sql`
      insert into tag_relations (tag_id, other_tag_id, kind)
      select case when ${kind} = 'related' then min(a.id, b.id) else a.id end,
             case when ${kind} = 'related' then max(a.id, b.id) else b.id end, ${kind}
      from tags a, tags b where a.slug = ${tag} and b.slug = ${other}
      on conflict do nothing`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists tag_relations`.execute(db);
}
