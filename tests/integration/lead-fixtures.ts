import type { DB } from "../../db/connection";
import type { ActingUser } from "../../app/models/entry-workflow.server";
import { actingUserByEmail } from "../support/entry-fixtures";
import { addUser } from "../support/users";

export { completeDraft, entryRow, move, publishedEntry, submittedEntry, tagIdOf } from "../support/entry-fixtures";

/** A new account with this role, as the workflow sees it. */
export async function actingUser(db: DB, email: string, role: ActingUser["role"], organisationSlug?: string): Promise<ActingUser> {
  await addUser(db, email, role, organisationSlug);
  return actingUserByEmail(db, email);
}
