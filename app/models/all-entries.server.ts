import { sql } from "kysely";
import type { DB } from "~/db.server";
import type { EntryStatus, EvidenceLabel } from "../../db/schema";
import type { AllEntriesSearch } from "~/schemas/all-entries";
import { ALL_ENTRIES_PAGE_SIZE } from "~/schemas/all-entries";

// Every entry the practice team has ever been sent, in any state, for the
// "All entries" list. Drafts never submitted are the lead's own business and
// never appear (as on the review page). Each entry is shown as it was last
// submitted: an update being drafted does not change its title here.

export interface AllEntriesRow {
  id: number;
  title: string;
  status: EntryStatus;
  evidenceLabel: EvidenceLabel | null;
  organisationName: string;
  region: string;
  updatedAt: string;
  submittedAt: string | null;
  /** The public page's slug while a published version is live. */
  liveSlug: string | null;
}

/** `like` matches `%` and `_` as wildcards; what a person types is matched as written. */
function likePattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listAllEntries(db: DB, search: AllEntriesSearch): Promise<{ rows: AllEntriesRow[]; total: number; page: number; pageCount: number }> {
  let q = db
    .selectFrom("practice_entries as e")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    // The latest submitted revision; none means never submitted.
    .innerJoin("practice_revisions as r", (join) =>
      join.onRef("r.entry_id", "=", "e.id").on(
        "r.id",
        "=",
        sql<number>`(select s.id from practice_revisions s where s.entry_id = e.id and s.frozen_at is not null order by s.number desc limit 1)`,
      ),
    );
  if (search.q) q = q.where(sql<boolean>`r.title like ${likePattern(search.q)} escape '\\'`);
  if (search.state.length) q = q.where("e.status", "in", search.state);
  if (search.organisation) q = q.where("e.organisation_id", "=", search.organisation);
  if (search.region) q = q.where("o.region", "=", search.region);
  if (search.tag) {
    const tagId = search.tag;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom("practice_revision_tags as t").select("t.tag_id").whereRef("t.revision_id", "=", "r.id").where("t.tag_id", "=", tagId)),
    );
  }
  if (search.evidence.length) {
    const labels = search.evidence.filter((v): v is EvidenceLabel => v !== "none");
    const none = search.evidence.includes("none");
    q = q.where((eb) =>
      eb.or([...(labels.length ? [eb("e.evidence_label", "in", labels)] : []), ...(none ? [eb("e.evidence_label", "is", null)] : [])]),
    );
  }

  const counted = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const pageCount = Math.max(1, Math.ceil(total / ALL_ENTRIES_PAGE_SIZE));
  const page = Math.min(search.page, pageCount);

  let ordered = q.select([
    "e.id", "e.status", "e.evidence_label", "e.updated_at", "e.submitted_at", "e.slug", "e.published_revision_id",
    "r.title", "o.name as organisation_name", "o.region",
  ]);
  if (search.sort === "title") ordered = ordered.orderBy(sql`lower(r.title)`).orderBy("e.id");
  else if (search.sort === "submitted") ordered = ordered.orderBy(sql`e.submitted_at is null`).orderBy("e.submitted_at").orderBy("e.id");
  else ordered = ordered.orderBy("e.updated_at", "desc").orderBy("e.id", "desc");
  const rows = await ordered.limit(ALL_ENTRIES_PAGE_SIZE).offset((page - 1) * ALL_ENTRIES_PAGE_SIZE).execute();

  return {
    total,
    page,
    pageCount,
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      evidenceLabel: r.evidence_label,
      organisationName: r.organisation_name,
      region: r.region,
      updatedAt: r.updated_at,
      submittedAt: r.submitted_at,
      liveSlug: r.published_revision_id !== null && r.status !== "archived" ? r.slug : null,
    })),
  };
}
