import { writeTransaction } from "../../db/transaction";
import type { DB } from "~/db.server";
import { reindexTag } from "./search.server";

export interface TagWithSynonyms {
  id: number;
  slug: string;
  label: string;
  description: string | null;
  active: number;
  synonyms: string[];
}

export async function listTags(db: DB, { activeOnly = false } = {}): Promise<TagWithSynonyms[]> {
  let q = db.selectFrom("tags").selectAll().orderBy("label");
  if (activeOnly) q = q.where("active", "=", 1);
  const tags = await q.execute();
  const synonyms = await db.selectFrom("tag_synonyms").select(["tag_id", "term"]).orderBy("term").execute();
  return tags.map((t) => ({ ...t, synonyms: synonyms.filter((s) => s.tag_id === t.id).map((s) => s.term) }));
}

export async function getTag(db: DB, id: number): Promise<TagWithSynonyms | undefined> {
  const tag = await db.selectFrom("tags").selectAll().where("id", "=", id).executeTakeFirst();
  if (!tag) return undefined;
  const synonyms = await db.selectFrom("tag_synonyms").select("term").where("tag_id", "=", id).orderBy("term").execute();
  return { ...tag, synonyms: synonyms.map((s) => s.term) };
}

export interface TagInput {
  label: string;
  description: string;
  synonyms: string[];
  active: boolean;
}

/** Synonyms already used by another tag: a word can only ever mean one tag. */
export async function synonymsUsedElsewhere(db: DB, synonyms: string[], exceptTagId?: number) {
  if (synonyms.length === 0) return [];
  let q = db.selectFrom("tag_synonyms").innerJoin("tags", "tags.id", "tag_synonyms.tag_id")
    .select(["tag_synonyms.term", "tags.label"]).where("tag_synonyms.term", "in", synonyms);
  if (exceptTagId) q = q.where("tag_synonyms.tag_id", "!=", exceptTagId);
  return q.execute();
}

export async function tagLabelTaken(db: DB, label: string, exceptId?: number) {
  let q = db.selectFrom("tags").select("id").where((eb) => eb.fn("lower", ["label"]), "=", label.toLowerCase());
  if (exceptId) q = q.where("id", "!=", exceptId);
  return Boolean(await q.executeTakeFirst());
}

export async function tagSlugTaken(db: DB, slug: string) {
  return Boolean(await db.selectFrom("tags").select("id").where("slug", "=", slug).executeTakeFirst());
}

export async function createTag(db: DB, slug: string, input: TagInput) {
  return writeTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto("tags")
      .values({ slug, label: input.label, description: input.description || null, active: input.active ? 1 : 0 })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (input.synonyms.length) {
      await trx.insertInto("tag_synonyms").values(input.synonyms.map((term) => ({ tag_id: id, term }))).execute();
    }
    return id;
  });
}

// Tags are retired (active = 0), never deleted: entries and sessions point to them.
export async function updateTag(db: DB, id: number, input: TagInput) {
  await writeTransaction(db, async (trx) => {
    await trx
      .updateTable("tags")
      .set({ label: input.label, description: input.description || null, active: input.active ? 1 : 0, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .execute();
    await trx.deleteFrom("tag_synonyms").where("tag_id", "=", id).execute();
    if (input.synonyms.length) {
      await trx.insertInto("tag_synonyms").values(input.synonyms.map((term) => ({ tag_id: id, term }))).execute();
    }
    await reindexTag(trx, id);
  });
}
