import type { DB } from "~/db.server";

// Scoped in the WHERE clause: a lead only ever sees their own organisation's entries.
export function listEntriesForOrganisation(db: DB, organisationId: number) {
  return db
    .selectFrom("practice_entries")
    .leftJoin("practice_revisions", "practice_revisions.id", "practice_entries.working_revision_id")
    .select([
      "practice_entries.id", "practice_entries.status", "practice_entries.updated_at",
      "practice_revisions.title",
    ])
    .where("practice_entries.organisation_id", "=", organisationId)
    .orderBy("practice_entries.updated_at", "desc")
    .execute();
}
