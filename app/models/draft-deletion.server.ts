import type { DB } from "~/db.server";
import { emptyContent } from "./practice.server";

// A lead may delete a draft that never left their organisation: never
// submitted, never published. Anything the practice team has seen stays, for
// the record (it can be withdrawn or taken down instead). See
// docs/decisions/0041-deleting-drafts.md.

export type DeleteDraftResult = { ok: true; title: string } | { ok: false; reason: "not_found" | "submitted" };

/** Whether an entry (already scoped to the lead's organisation) may be deleted. */
export function isUnsubmittedDraft(entry: { status: string; submittedAt: string | null; publishedRevisionId: number | null }) {
  return entry.status === "draft" && entry.submittedAt === null && entry.publishedRevisionId === null;
}

export async function deleteUnsubmittedDraft(db: DB, entryId: number, lead: { id: number; organisationId: number }): Promise<DeleteDraftResult> {
  return db.transaction().execute(async (trx) => {
    // Checked and marked in one transaction, so a colleague's submit in between cannot be lost.
    const entry = await trx
      .selectFrom("practice_entries as e")
      .leftJoin("practice_revisions as r", "r.id", "e.working_revision_id")
      .select(["e.id", "e.status", "e.submitted_at", "e.published_revision_id", "e.working_revision_id", "r.title"])
      .where("e.id", "=", entryId)
      .where("e.organisation_id", "=", lead.organisationId)
      .where("e.deleted_at", "is", null)
      .executeTakeFirst();
    if (!entry) return { ok: false, reason: "not_found" };
    const frozen = await trx.selectFrom("practice_revisions").select("id").where("entry_id", "=", entryId).where("frozen_at", "is not", null).executeTakeFirst();
    if (frozen || !isUnsubmittedDraft({ status: entry.status, submittedAt: entry.submitted_at, publishedRevisionId: entry.published_revision_id })) {
      return { ok: false, reason: "submitted" };
    }
    const now = new Date().toISOString();
    // The history is append-only, so the entry stays as a row, marked; what the lead typed does not.
    await trx
      .updateTable("practice_revisions")
      .set({ title: "", summary: "", content: JSON.stringify(emptyContent()), body_text: "", updated_by: lead.id, updated_at: now })
      .where("entry_id", "=", entryId)
      .execute();
    const revisions = trx.selectFrom("practice_revisions").select("id").where("entry_id", "=", entryId);
    await trx.deleteFrom("practice_revision_tags").where("revision_id", "in", revisions).execute();
    await trx.updateTable("practice_entries").set({ deleted_at: now, updated_at: now }).where("id", "=", entryId).execute();
    await trx
      .insertInto("workflow_events")
      .values({ entry_id: entryId, revision_id: entry.working_revision_id, actor_id: lead.id, action: "delete", from_status: "draft", to_status: null })
      .execute();
    return { ok: true, title: entry.title ?? "" };
  });
}
