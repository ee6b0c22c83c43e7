import type { DB } from "../../db/connection";
import { applyTransition, type ActingUser, type TransitionRequest } from "../../app/models/entry-workflow.server";
import { createDraftEntry, submitForReview } from "../../app/models/practice.server";
import { completeEntryForm, parseEntryForm } from "./entries";

// Entries in every state, made straight in a database with the real model
// functions: a lead creates and submits, a reviewer moves it on. Used by the
// integration tests and by the browser specs (on the test server's file), so
// failures throw rather than use a test runner's expect().

export async function actingUserByEmail(db: DB, email: string): Promise<ActingUser> {
  const u = await db.selectFrom("users").select(["id", "name", "role", "organisation_id"]).where("email", "=", email).executeTakeFirstOrThrow();
  return { id: u.id, name: u.name, role: u.role, organisationId: u.organisation_id };
}

export async function tagIdOf(db: DB, slug: string) {
  return (await db.selectFrom("tags").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}

export function completeDraft(tagId: number, overrides: Record<string, string | string[]> = {}) {
  return parseEntryForm(completeEntryForm(tagId, overrides));
}

export async function entryRow(db: DB, entryId: number) {
  return db
    .selectFrom("practice_entries")
    .innerJoin("practice_revisions", "practice_revisions.id", "practice_entries.working_revision_id")
    .select([
      "practice_entries.status", "practice_entries.state_version", "practice_entries.slug", "practice_entries.published_revision_id",
      "practice_entries.working_revision_id", "practice_revisions.version", "practice_revisions.title",
    ])
    .where("practice_entries.id", "=", entryId)
    .executeTakeFirstOrThrow();
}

/** A lead's complete entry, submitted for review. */
export async function submittedEntry(db: DB, lead: ActingUser, tagId: number, overrides: Record<string, string | string[]> = {}) {
  const entryId = await createDraftEntry(db, { id: lead.id, organisationId: lead.organisationId! });
  const result = await submitForReview(db, {
    entryId, organisationId: lead.organisationId!, userId: lead.id, baseVersion: 1, draft: completeDraft(tagId, overrides),
  });
  if (!result.ok) throw new Error(`submitting entry ${entryId} failed: ${JSON.stringify(result)}`);
  return entryId;
}

/** Makes a move with the entry's current state_version, and insists it works. */
export async function move(db: DB, entryId: number, action: TransitionRequest["action"], actor: ActingUser, extra: Partial<TransitionRequest> = {}) {
  const { state_version } = await entryRow(db, entryId);
  const outcome = await applyTransition(db, { entryId, action, actor, expectedStateVersion: state_version, ...extra });
  if (!outcome.ok) throw new Error(`${action} on entry ${entryId} failed: ${outcome.message}`);
  return outcome;
}

/** A lead's entry that a reviewer has published; returns its id and public slug. */
export async function publishedEntry(
  db: DB,
  lead: ActingUser,
  reviewer: ActingUser,
  tagId: number,
  overrides: Record<string, string | string[]> = {},
  publish: Partial<TransitionRequest> = {},
) {
  const entryId = await submittedEntry(db, lead, tagId, overrides);
  const { slug } = await move(db, entryId, "publish", reviewer, { evidenceLabel: "promising", tagIds: [tagId], ...publish });
  return { entryId, slug: slug! };
}
