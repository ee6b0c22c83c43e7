import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { listEntriesForOrganisation, saveDraft } from "../../app/models/practice.server";
import { entryDraftSchema } from "../../app/schemas/practice-entry";
import { memoryDatabase } from "../support/database";
import { completeEntryForm, parseEntryForm } from "../support/entries";
import { actingUserByEmail, entryRow, move, submittedEntry, tagIdOf } from "../support/entry-fixtures";
import { addUser } from "../support/users";

// "Last changed by" on a lead's list names whoever acted last, not the author.

let db: DB;

beforeEach(async () => {
  db = await memoryDatabase();
  await addUser(db, "sam@sussex.test", "force_lead", "sussex-police");
  await addUser(db, "rita@college.test", "reviewer");
});
afterEach(async () => db.destroy());

async function changedBy(entryId: number, organisationId: number) {
  return (await listEntriesForOrganisation(db, organisationId)).find((e) => e.id === entryId)?.changed_by_name;
}

describe("last changed by", () => {
  it("names the reviewer who published or took down, and the lead who saved after that", async () => {
    const lead = await actingUserByEmail(db, "sam@sussex.test");
    const reviewer = await actingUserByEmail(db, "rita@college.test");
    const tagId = await tagIdOf(db, "youth");
    const id = await submittedEntry(db, lead, tagId);
    expect(await changedBy(id, lead.organisationId!)).toBe("sam");

    await move(db, id, "publish", reviewer, { evidenceLabel: "promising", tagIds: [tagId] });
    expect(await changedBy(id, lead.organisationId!)).toBe("rita");

    await move(db, id, "start_update", lead);
    const { version } = await entryRow(db, id);
    const saved = await saveDraft(db, {
      entryId: id, organisationId: lead.organisationId!, userId: lead.id, baseVersion: version,
      draft: parseEntryForm(completeEntryForm(tagId, { title: "Updated" }), entryDraftSchema),
    });
    expect(saved.ok).toBe(true);
    expect(await changedBy(id, lead.organisationId!)).toBe("sam");

    await move(db, id, "archive", reviewer, { reason: "Out of date." });
    expect(await changedBy(id, lead.organisationId!)).toBe("rita");
  });
});
