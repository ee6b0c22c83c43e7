import type { DB } from "~/db.server";

/** Entries waiting for a reviewer, oldest submission first. */
export function listReviewQueue(db: DB) {
  return db
    .selectFrom("practice_entries")
    .innerJoin("organisations", "organisations.id", "practice_entries.organisation_id")
    .leftJoin("practice_revisions", "practice_revisions.id", "practice_entries.working_revision_id")
    .select([
      "practice_entries.id", "practice_entries.status", "practice_entries.submitted_at",
      "practice_revisions.title", "organisations.name as organisation_name",
    ])
    .where("practice_entries.status", "in", ["in_review", "changes_requested"])
    .orderBy("practice_entries.submitted_at")
    .execute();
}
