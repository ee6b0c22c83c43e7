import { writeTransaction } from "../../db/transaction";
import type { DB } from "~/db.server";
import { reindexOrganisation } from "./search.server";
import type { OrganisationKind } from "../../db/schema";

export const ORGANISATION_KINDS: Record<OrganisationKind, string> = {
  territorial_force: "Territorial police force",
  special_force: "Special police force",
  regional_unit: "Regional organised crime unit",
  national_unit: "National body or unit",
  partner: "Partner organisation",
};

export function listOrganisations(db: DB, { activeOnly = false } = {}) {
  let q = db.selectFrom("organisations").selectAll().orderBy("name");
  if (activeOnly) q = q.where("active", "=", 1);
  return q.execute();
}

export function getOrganisation(db: DB, id: number) {
  return db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listRegions(db: DB) {
  return db.selectFrom("organisations").select("region").distinct().orderBy("region").execute()
    .then((rows) => rows.map((r) => r.region));
}

export interface OrganisationInput {
  name: string;
  slug: string;
  kind: OrganisationKind;
  region: string;
  /** Accepting new entries; new organisations are active unless this says otherwise. */
  active?: boolean;
}

export async function createOrganisation(db: DB, { active, ...input }: OrganisationInput) {
  return db
    .insertInto("organisations")
    .values({ ...input, ...(active === undefined ? {} : { active: active ? 1 : 0 }) })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function organisationSlugTaken(db: DB, slug: string) {
  return Boolean(await db.selectFrom("organisations").select("id").where("slug", "=", slug).executeTakeFirst());
}

export async function updateOrganisation(db: DB, id: number, input: Omit<OrganisationInput, "slug"> & { active: boolean }) {
  return writeTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("organisations")
      .set({ name: input.name, kind: input.kind, region: input.region, active: input.active ? 1 : 0, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .executeTakeFirst();
    // Its published entries are found by organisation name and region.
    await reindexOrganisation(trx, id);
    return result;
  });
}

export async function organisationNameTaken(db: DB, name: string, exceptId?: number) {
  let q = db.selectFrom("organisations").select("id").where((eb) => eb.fn("lower", ["name"]), "=", name.toLowerCase());
  if (exceptId) q = q.where("id", "!=", exceptId);
  return Boolean(await q.executeTakeFirst());
}
