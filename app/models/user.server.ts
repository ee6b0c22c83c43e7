import type { Transaction } from "kysely";
import { writeTransaction } from "../../db/transaction";
import type { DB } from "~/db.server";
import { hashPassword } from "~/lib/password.server";
import type { Database, Role } from "../../db/schema";

export type { Role } from "../../db/schema";

type Executor = DB | Transaction<Database>;

/** The password_hash of an account whose person has not chosen a password yet: it matches no password. */
export const NO_PASSWORD = "";

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

export function findUserByEmail(db: Executor, email: string) {
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
    .select((eb) => eb("users.password_hash", "=", NO_PASSWORD).as("invited"))
    .orderBy("users.disabled_at", (ob) => ob.nullsFirst())
    .orderBy("users.name")
    .execute();
}

export function getUser(db: Executor, id: number) {
  return db
    .selectFrom("users")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "users.id", "users.email", "users.name", "users.role", "users.disabled_at", "users.organisation_id",
      "organisations.name as organisation_name",
    ])
    .select((eb) => eb("users.password_hash", "=", NO_PASSWORD).as("invited"))
    .where("users.id", "=", id)
    .executeTakeFirst();
}

export function getPasswordHash(db: Executor, id: number) {
  return db.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirst().then((r) => r?.password_hash ?? null);
}

export interface AccountDetails {
  email: string;
  name: string;
  role: Role;
  organisationId: number | null;
}

export interface NewUserInput extends AccountDetails {
  /** Only tests and the demo set a password directly; everyone else chooses theirs from a link. */
  password?: string;
}

export async function createUser(db: Executor, input: NewUserInput) {
  const passwordHash = input.password === undefined ? NO_PASSWORD : await hashPassword(input.password);
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

/**
 * Changes an account's name, email, role and organisation. A new role or
 * organisation changes what the person may see, so it ends their sessions
 * in the same transaction: nothing they opened under the old rights stays open.
 */
export async function updateUserDetails(trx: Transaction<Database>, id: number, input: AccountDetails) {
  const before = await trx.selectFrom("users").select(["role", "organisation_id"]).where("id", "=", id).executeTakeFirstOrThrow();
  const organisationId = input.role === "force_lead" ? input.organisationId : null;
  await trx
    .updateTable("users")
    .set({ email: normaliseEmail(input.email), name: input.name, role: input.role, organisation_id: organisationId, updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .execute();
  const rightsChanged = before.role !== input.role || before.organisation_id !== organisationId;
  if (rightsChanged) await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
  return { rightsChanged };
}

/** Stores a new password hash (hashed before the transaction, which must not wait on scrypt). */
export async function setPasswordHash(trx: Executor, id: number, passwordHash: string) {
  await trx.updateTable("users").set({ password_hash: passwordHash, updated_at: new Date().toISOString() }).where("id", "=", id).execute();
}

/** An existing account becomes an enabled administrator (create-admin on a known email). */
export async function makeAdministrator(trx: Executor, id: number) {
  await trx
    .updateTable("users")
    .set({ role: "admin", organisation_id: null, disabled_at: null, updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .execute();
}

// Disabling also ends every session the person has, in the same transaction,
// so there is no moment when a disabled account can still act.
export async function setUserDisabled(db: Executor, id: number, disabled: boolean) {
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
