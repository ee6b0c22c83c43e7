import type { Kysely } from "kysely";

// Frozen once shipped. Uses Kysely<any> and no application types.
//
// A lead may delete a draft that was never submitted. The workflow history is
// append-only (a trigger refuses deletes), so the entry is marked deleted and
// its text emptied rather than its rows removed; every lead-facing query
// leaves marked entries out.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("practice_entries").addColumn("deleted_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("practice_entries").dropColumn("deleted_at").execute();
}
