import type { ExpressionBuilder } from "kysely";
import type { DB } from "~/db.server";
import { RICH_TEXT_SECTIONS, type RichTextSectionKey } from "~/lib/practice-options";
import { richTextToPlainText } from "~/lib/rich-text/render";
import type { RichTextDoc } from "~/lib/rich-text/types";
import type { Database, EvidenceLabel } from "../../db/schema";

// Published practice as the open-data outputs (feed, exports, related
// content) read it. The rule is the one findPublishedEntry and the search
// index use: an entry is live when it has a published revision, is not
// archived and has a slug; its text always comes from the published revision,
// so an update being drafted or reviewed never leaks out.

type EntryRef = ExpressionBuilder<Database & { e: Database["practice_entries"] }, "e">;

/** The WHERE clause that keeps only live entries, for queries that alias practice_entries as `e`. */
export function isLive(eb: EntryRef) {
  return eb.and([eb("e.published_revision_id", "is not", null), eb("e.status", "<>", "archived"), eb("e.slug", "is not", null)]);
}

export interface PublishedPractice {
  id: number;
  slug: string;
  title: string;
  summary: string;
  organisation: { slug: string; name: string };
  region: string;
  evidence: EvidenceLabel | null;
  /** Active tags only, by label. */
  tags: { slug: string; label: string }[];
  firstPublishedAt: string;
  /** When the live version was published (the first publication or the latest update). */
  publishedAt: string;
  /** Each rich-text section as plain text ("" when left out). */
  sections: Record<RichTextSectionKey, string>;
}

function plainSections(content: string): Record<RichTextSectionKey, string> {
  let parsed: { sections?: Partial<Record<RichTextSectionKey, RichTextDoc | null>> } = {};
  try {
    parsed = JSON.parse(content) as typeof parsed;
  } catch {
    // A revision that cannot be read exports its sections empty rather than failing the whole export.
  }
  const out = {} as Record<RichTextSectionKey, string>;
  for (const { key } of RICH_TEXT_SECTIONS) out[key] = richTextToPlainText(parsed.sections?.[key] ?? null);
  return out;
}

/**
 * Live published entries, most recently published first (the latest update
 * counts), each with its published text, tags and sections as plain text.
 * `limit` leaves it at the newest few, e.g. for a feed.
 */
export async function listPublishedPractice(db: DB, { limit }: { limit?: number } = {}): Promise<PublishedPractice[]> {
  let query = db
    .selectFrom("practice_entries as e")
    .innerJoin("practice_revisions as r", "r.id", "e.published_revision_id")
    .innerJoin("organisations as o", "o.id", "e.organisation_id")
    .select([
      "e.id", "e.slug", "e.evidence_label", "e.first_published_at", "e.published_at", "r.title", "r.summary", "r.content",
      "o.slug as organisation_slug", "o.name as organisation_name", "o.region",
    ])
    .where(isLive)
    .orderBy("e.published_at", "desc")
    .orderBy("e.id", "desc");
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  if (rows.length === 0) return [];

  const tags = await db
    .selectFrom("practice_entry_tags as pt")
    .innerJoin("tags as t", "t.id", "pt.tag_id")
    .select(["pt.entry_id", "t.slug", "t.label"])
    .where("pt.entry_id", "in", rows.map((r) => r.id))
    .where("t.active", "=", 1)
    .orderBy("t.label")
    .execute();

  return rows.map((r) => ({
    id: r.id,
    slug: r.slug!,
    title: r.title,
    summary: r.summary,
    organisation: { slug: r.organisation_slug, name: r.organisation_name },
    region: r.region,
    evidence: r.evidence_label,
    tags: tags.filter((t) => t.entry_id === r.id).map((t) => ({ slug: t.slug, label: t.label })),
    firstPublishedAt: r.first_published_at ?? r.published_at!,
    publishedAt: r.published_at ?? r.first_published_at!,
    sections: plainSections(r.content),
  }));
}

/** When the set of live entries last changed: the latest publication or take-down, or null if there never was one. */
export async function lastPublicationChange(db: DB): Promise<string | null> {
  const row = await db
    .selectFrom("practice_entries")
    .select((eb) => [eb.fn.max("published_at").as("published"), eb.fn.max("archived_at").as("archived")])
    .executeTakeFirst();
  const times = [row?.published, row?.archived].filter((t): t is string => typeof t === "string");
  return times.length ? times.sort().at(-1)! : null;
}
