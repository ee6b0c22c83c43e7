import { writeTransaction } from "../../db/transaction";
import type { DB } from "~/db.server";
import { hashPassword } from "~/lib/password.server";
import type { Role } from "../../db/schema";

export type { Role } from "../../db/schema";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisationId: number | null;
  organisationName: string | null;
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: DB, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export function listUsers(db: DB) {
  return db
    .selectFrom("users")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "users.id", "users.email", "users.name", "users.role", "users.disabled_at", "users.created_at",
      "organisations.name as organisation_name",
    ])
    .orderBy("users.disabled_at", (ob) => ob.nullsFirst())
    .orderBy("users.name")
    .execute();
}

export function getUser(db: DB, id: number) {
  return db
    .selectFrom("users")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "users.id", "users.email", "users.name", "users.role", "users.disabled_at", "users.organisation_id",
      "organisations.name as organisation_name",
    ])
    .where("users.id", "=", id)
    .executeTakeFirst();
}

export interface NewUserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  organisationId: number | null;
}

export async function createUser(db: DB, input: NewUserInput) {
  const passwordHash = await hashPassword(input.password);
  return db
    .insertInto("users")
    .values({
      email: normaliseEmail(input.email),
      name: input.name,
      password_hash: passwordHash,
      role: input.role,
      organisation_id: input.role === "force_lead" ? input.organisationId : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

// Disabling also ends every session the person has, in the same transaction,
// so there is no moment when a disabled account can still act.
export async function setUserDisabled(db: DB, id: number, disabled: boolean) {
  await writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    await trx
      .updateTable("users")
      .set({ disabled_at: disabled ? now : null, updated_at: now })
      .where("id", "=", id)
      .execute();
    if (disabled) await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
  });
}
