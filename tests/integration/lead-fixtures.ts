import { expect } from "vitest";
import type { DB } from "../../db/connection";
import { applyTransition, type ActingUser, type TransitionRequest } from "../../app/models/entry-workflow.server";
import { createDraftEntry, submitForReview } from "../../app/models/practice.server";
import { completeEntryForm, parseEntryForm } from "../support/entries";
import { addUser } from "../support/users";

// Entries in every state, made straight in a test database with the real
// model functions: a lead creates and submits, a reviewer moves it on.

export async function actingUser(db: DB, email: string, role: ActingUser["role"], organisationSlug?: string): Promise<ActingUser> {
  const id = await addUser(db, email, role, organisationSlug);
  const user = await db.selectFrom("users").select(["id", "name", "role", "organisation_id"]).where("id", "=", id).executeTakeFirstOrThrow();
  return { id: user.id, name: user.name, role: user.role, organisationId: user.organisation_id };
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
  expect(result.ok).toBe(true);
  return entryId;
}

/** Makes a move with the entry's current state_version, and insists it works. */
export async function move(db: DB, entryId: number, action: TransitionRequest["action"], actor: ActingUser, extra: Partial<TransitionRequest> = {}) {
  const { state_version } = await entryRow(db, entryId);
  const outcome = await applyTransition(db, { entryId, action, actor, expectedStateVersion: state_version, ...extra });
  expect(outcome, `${action} on entry ${entryId}`).toMatchObject({ ok: true });
  return outcome as Extract<typeof outcome, { ok: true }>;
}

/** A lead's entry that a reviewer has published; returns its id and public slug. */
export async function publishedEntry(db: DB, lead: ActingUser, reviewer: ActingUser, tagId: number, overrides: Record<string, string | string[]> = {}) {
  const entryId = await submittedEntry(db, lead, tagId, overrides);
  const { slug } = await move(db, entryId, "publish", reviewer, { evidenceLabel: "promising", tagIds: [tagId] });
  return { entryId, slug: slug! };
}
