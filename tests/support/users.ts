import type { DB } from "../../db/connection";
import { createUser } from "../../app/models/user.server";
import type { Role } from "../../db/schema";

export const TEST_PASSWORD = "correct horse battery staple";

/** Adds a user straight to the database a test server uses. */
export async function addUser(db: DB, email: string, role: Role, organisationSlug?: string) {
  const org = organisationSlug
    ? await db.selectFrom("organisations").select("id").where("slug", "=", organisationSlug).executeTakeFirstOrThrow()
    : null;
  const { id } = await createUser(db, { email, name: email.split("@")[0], password: TEST_PASSWORD, role, organisationId: org?.id ?? null });
  return id;
}
