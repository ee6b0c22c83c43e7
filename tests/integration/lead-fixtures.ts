import type { DB } from "../../db/connection";
import type { ActingUser } from "../../app/models/entry-workflow.server";
import { saveDraft } from "../../app/models/practice.server";
import { actingUserByEmail, completeDraft, entryRow, move } from "../support/entry-fixtures";
import { addUser } from "../support/users";

export { completeDraft, entryRow, move, publishedEntry, submittedEntry, tagIdOf } from "../support/entry-fixtures";

/** A new account with this role, as the workflow sees it. */
export async function actingUser(db: DB, email: string, role: ActingUser["role"], organisationSlug?: string): Promise<ActingUser> {
  await addUser(db, email, role, organisationSlug);
  return actingUserByEmail(db, email);
}

/** The Sussex lead and a reviewer that most public-content tests start from. */
export async function leadAndReviewer(db: DB) {
  return {
    lead: await actingUser(db, "lead@sussex.test", "force_lead", "sussex-police"),
    reviewer: await actingUser(db, "reviewer@college.test", "reviewer"),
  };
}

/** Starts an update to a published entry and saves a draft of it, which the public must never see. */
export async function draftUpdate(db: DB, entryId: number, lead: ActingUser, tagId: number, overrides: Record<string, string | string[]>) {
  await move(db, entryId, "start_update", lead);
  const { version } = await entryRow(db, entryId);
  const saved = await saveDraft(db, {
    entryId, organisationId: lead.organisationId!, userId: lead.id, baseVersion: version, draft: completeDraft(tagId, overrides),
  });
  if (!saved.ok) throw new Error(`saving the update to entry ${entryId} failed`);
}
