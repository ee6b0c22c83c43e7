import { EVIDENCE_LABELS, labelOf, RICH_TEXT_SECTIONS } from "~/lib/practice-options";
import { ukDayKey } from "~/lib/uk-time";
import type { DB } from "~/db.server";
import { listPublishedPractice, type PublishedPractice } from "~/models/published-practice.server";
import { toCsv } from "./csv";

// The practice bank's published entries as downloadable files (CSV and
// JSON). Both carry the same fields; the column names are documented in
// README ("Open data").

export interface ExportedPractice {
  slug: string;
  url: string;
  title: string;
  organisation: string;
  organisationSlug: string;
  region: string;
  evidence: string | null;
  evidenceLabel: string | null;
  tags: { slug: string; label: string }[];
  firstPublished: string;
  lastUpdated: string;
  summary: string;
  /** Each section as plain text, "" when the entry leaves it out. */
  sections: PublishedPractice["sections"];
}

function exportedPractice(entry: PublishedPractice, origin: string): ExportedPractice {
  return {
    slug: entry.slug,
    url: `${origin}/practice/${entry.slug}`,
    title: entry.title,
    organisation: entry.organisation.name,
    organisationSlug: entry.organisation.slug,
    region: entry.region,
    evidence: entry.evidence,
    evidenceLabel: entry.evidence ? labelOf(EVIDENCE_LABELS, entry.evidence) : null,
    tags: entry.tags,
    firstPublished: entry.firstPublishedAt,
    lastUpdated: entry.publishedAt,
    summary: entry.summary,
    sections: entry.sections,
  };
}

/** Every live published entry, newest publication first, ready to export. */
export async function practiceForExport(db: DB, origin: string): Promise<ExportedPractice[]> {
  return (await listPublishedPractice(db)).map((e) => exportedPractice(e, origin));
}

const CSV_HEADER = [
  "slug", "url", "title", "organisation", "region", "evidence", "tags", "first_published", "last_updated", "summary",
  ...RICH_TEXT_SECTIONS.map((s) => s.key),
];

export function practiceCsv(entries: ExportedPractice[]): string {
  return toCsv(
    CSV_HEADER,
    entries.map((e) => [
      e.slug, e.url, e.title, e.organisation, e.region, e.evidenceLabel ?? "", e.tags.map((t) => t.label).join("; "),
      e.firstPublished, e.lastUpdated, e.summary, ...RICH_TEXT_SECTIONS.map((s) => e.sections[s.key]),
    ]),
  );
}

/** A download of today's data, e.g. practice-bank-2026-11-25.csv (the UK date). */
export function exportResponse(body: string, contentType: string, extension: "csv" | "json"): Response {
  const filename = `practice-bank-${ukDayKey(new Date().toISOString())}.${extension}`;
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
