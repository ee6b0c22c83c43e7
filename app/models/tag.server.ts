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

/** How a tag sits among the others (tag ids): what it is a kind of, what is a kind of it, and its neighbours. */
export interface TagTopics {
  broader: number[];
  narrower: number[];
  related: number[];
}

export async function listTags(db: DB, { activeOnly = false } = {}): Promise<TagWithSynonyms[]> {
  let q = db.selectFrom("tags").selectAll().orderBy("label");
  if (activeOnly) q = q.where("active", "=", 1);
  const tags = await q.execute();
  const synonyms = await db.selectFrom("tag_synonyms").select(["tag_id", "term"]).orderBy("term").execute();
  return tags.map((t) => ({ ...t, synonyms: synonyms.filter((s) => s.tag_id === t.id).map((s) => s.term) }));
}

export async function getTag(db: DB, id: number): Promise<(TagWithSynonyms & TagTopics) | undefined> {
  const tag = await db.selectFrom("tags").selectAll().where("id", "=", id).executeTakeFirst();
  if (!tag) return undefined;
  const synonyms = await db.selectFrom("tag_synonyms").select("term").where("tag_id", "=", id).orderBy("term").execute();
  return { ...tag, synonyms: synonyms.map((s) => s.term), ...(await tagTopics(db, id)) };
}

async function tagTopics(db: DB, id: number): Promise<TagTopics> {
  const rows = await db.selectFrom("tag_relations").selectAll()
    .where((eb) => eb.or([eb("tag_id", "=", id), eb("other_tag_id", "=", id)])).execute();
  const topics: TagTopics = { broader: [], narrower: [], related: [] };
  for (const r of rows) {
    if (r.kind === "related") topics.related.push(r.tag_id === id ? r.other_tag_id : r.tag_id);
    else if (r.tag_id === id) topics.broader.push(r.other_tag_id);
    else topics.narrower.push(r.tag_id);
  }
  return topics;
}

/** Without topics, a tag's links to other tags are left as they are. */
export interface TagInput extends Partial<TagTopics> {
  label: string;
  description: string;
  synonyms: string[];
  active: boolean;
}

/** The tag ids among `ids` that are not other existing tags (the tag itself, or unknown). */
export async function unknownTopics(db: DB, ids: number[], exceptTagId?: number): Promise<number[]> {
  if (ids.length === 0) return [];
  const known = new Set((await db.selectFrom("tags").select("id").where("id", "in", ids).execute()).map((t) => t.id));
  return ids.filter((id) => !known.has(id) || id === exceptTagId);
}

/** Replaces a tag's links to other tags, in the caller's transaction. */
async function saveTopics(trx: DB, id: number, input: Partial<TagTopics>) {
  if (!input.broader && !input.narrower && !input.related) return;
  const topics: TagTopics = { broader: input.broader ?? [], narrower: input.narrower ?? [], related: input.related ?? [] };
  await trx.deleteFrom("tag_relations").where((eb) => eb.or([eb("tag_id", "=", id), eb("other_tag_id", "=", id)])).execute();
  const rows = [
    ...topics.broader.map((other) => ({ tag_id: id, other_tag_id: other, kind: "broader" as const })),
    ...topics.narrower.map((other) => ({ tag_id: other, other_tag_id: id, kind: "broader" as const })),
    ...topics.related.map((other) => ({ tag_id: Math.min(id, other), other_tag_id: Math.max(id, other), kind: "related" as const })),
  ];
  if (rows.length) await trx.insertInto("tag_relations").values(rows).onConflict((oc) => oc.doNothing()).execute();
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
    await saveTopics(trx, id, input);
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
    await saveTopics(trx, id, input);
    await reindexTag(trx, id);
  });
}
