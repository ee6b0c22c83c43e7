import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { createDraftEntry, getEntryForOrganisation, listEntriesForOrganisation, saveDraft, submitForReview } from "../../app/models/practice.server";
import { entryDraftSchema, entrySubmitSchema } from "../../app/schemas/practice-entry";
import { memoryDatabase } from "../support/database";
import { completeEntryForm, parseEntryForm } from "../support/entries";
import { addUser } from "../support/users";

let db: DB;
let sussex: { id: number; organisationId: number };
let colleague: { id: number; organisationId: number };
let hampshire: { id: number; organisationId: number };
let tagId: number;

const draftFrom = (values: Record<string, string | string[]>, schema = entryDraftSchema) => parseEntryForm(values, schema);

async function lead(email: string, org: string) {
  const id = await addUser(db, email, "force_lead", org);
  const { organisation_id } = await db.selectFrom("users").select("organisation_id").where("id", "=", id).executeTakeFirstOrThrow();
  return { id, organisationId: organisation_id! };
}

beforeEach(async () => {
  db = await memoryDatabase();
  sussex = await lead("a@sussex.test", "sussex-police");
  colleague = await lead("b@sussex.test", "sussex-police");
  hampshire = await lead("c@hampshire.test", "hampshire-and-isle-of-wight-constabulary");
  tagId = (await db.selectFrom("tags").select("id").where("slug", "=", "anti-social-behaviour").executeTakeFirstOrThrow()).id;
});
afterEach(async () => db.destroy());

describe("practice entries", () => {
  it("are visible to everyone in the organisation and to nobody else", async () => {
    const id = await createDraftEntry(db, sussex);
    expect((await getEntryForOrganisation(db, id, colleague.organisationId))?.revision.number).toBe(1);
    expect(await getEntryForOrganisation(db, id, hampshire.organisationId)).toBeUndefined();
    expect(await listEntriesForOrganisation(db, hampshire.organisationId)).toEqual([]);
    expect((await listEntriesForOrganisation(db, sussex.organisationId)).map((e) => e.id)).toEqual([id]);
    const denied = await saveDraft(db, { entryId: id, organisationId: hampshire.organisationId, userId: hampshire.id, baseVersion: 1, draft: draftFrom({ title: "Hijack" }) });
    expect(denied).toEqual({ ok: false, reason: "not_found" });
    expect((await getEntryForOrganisation(db, id, sussex.organisationId))!.revision.title).toBe("");
  });

  it("save colleagues' work in turn, each save based on the version before", async () => {
    const id = await createDraftEntry(db, sussex);
    const first = await saveDraft(db, { entryId: id, organisationId: sussex.organisationId, userId: sussex.id, baseVersion: 1, draft: draftFrom({ title: "One", tagIds: [String(tagId)] }) });
    expect(first).toMatchObject({ ok: true, version: 2 });
    const second = await saveDraft(db, { entryId: id, organisationId: colleague.organisationId, userId: colleague.id, baseVersion: 2, draft: draftFrom({ title: "Two", tagIds: [String(tagId)] }) });
    expect(second).toMatchObject({ ok: true, version: 3 });
    const entry = await getEntryForOrganisation(db, id, sussex.organisationId);
    expect(entry!.revision).toMatchObject({ title: "Two", version: 3, tagIds: [tagId], updatedByName: "b" });
  });

  it("refuse a save based on an old version, returning the newer one untouched", async () => {
    const id = await createDraftEntry(db, sussex);
    await saveDraft(db, { entryId: id, organisationId: sussex.organisationId, userId: sussex.id, baseVersion: 1, draft: draftFrom({ title: "Mine first" }) });
    const stale = await saveDraft(db, { entryId: id, organisationId: colleague.organisationId, userId: colleague.id, baseVersion: 1, draft: draftFrom({ title: "Overwrite?" }) });
    expect(stale).toMatchObject({ ok: false, reason: "conflict", current: { title: "Mine first", version: 2, updatedByName: "a" } });
    expect((await getEntryForOrganisation(db, id, sussex.organisationId))!.revision.title).toBe("Mine first");
  });

  it("let exactly one of two simultaneous saves from the same version win", async () => {
    const id = await createDraftEntry(db, sussex);
    const results = await Promise.all(
      [sussex, colleague].map((who, i) =>
        saveDraft(db, { entryId: id, organisationId: who.organisationId, userId: who.id, baseVersion: 1, draft: draftFrom({ title: `Racer ${i}` }) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "conflict")).toHaveLength(1);
    const winner = results.findIndex((r) => r.ok);
    expect((await getEntryForOrganisation(db, id, sussex.organisationId))!.revision.title).toBe(`Racer ${winner}`);
  });

  it("freeze the revision on submission; later saves and edits of it are refused", async () => {
    const id = await createDraftEntry(db, sussex);
    const draft = draftFrom(completeEntryForm(tagId), entrySubmitSchema);
    const submitted = await submitForReview(db, { entryId: id, organisationId: sussex.organisationId, userId: sussex.id, baseVersion: 1, draft });
    expect(submitted).toMatchObject({ ok: true });
    const entry = await getEntryForOrganisation(db, id, sussex.organisationId);
    expect(entry).toMatchObject({ status: "in_review", revision: { frozen: true, title: "Operation Quiet Streets" } });
    const after = await saveDraft(db, { entryId: id, organisationId: sussex.organisationId, userId: sussex.id, baseVersion: 2, draft: draftFrom({ title: "Sneaky edit" }) });
    expect(after).toEqual({ ok: false, reason: "not_editable", status: "in_review" });
    // Even a direct write to the frozen revision is stopped by the database.
    await expect(
      db.updateTable("practice_revisions").set({ title: "Sneaky" }).where("id", "=", entry!.revision.id).execute(),
    ).rejects.toThrow(/frozen/);
    const events = await db.selectFrom("workflow_events").select(["action", "from_status", "to_status"]).where("entry_id", "=", id).orderBy("id").execute();
    expect(events).toEqual([
      { action: "create", from_status: null, to_status: "draft" },
      { action: "submit", from_status: "draft", to_status: "in_review" },
    ]);
    const again = await submitForReview(db, { entryId: id, organisationId: sussex.organisationId, userId: sussex.id, baseVersion: 2, draft });
    expect(again).toMatchObject({ ok: false, reason: "refused", status: 409 });
  });

  it("store the rich text as validated editor JSON and its plain text for search", async () => {
    const id = await createDraftEntry(db, sussex);
    await saveDraft(db, { entryId: id, organisationId: sussex.organisationId, userId: sussex.id, baseVersion: 1, draft: draftFrom(completeEntryForm(tagId)) });
    const row = await db.selectFrom("practice_revisions").select(["content", "body_text"]).where("entry_id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.content).sections.problem.type).toBe("doc");
    expect(row.body_text).toContain("Groups of teenagers gathered in the park");
    const count = await sql<{ n: number }>`select count(*) as n from practice_revisions`.execute(db);
    expect(count.rows[0].n).toBe(1);
  });
});
