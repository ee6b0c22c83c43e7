import {
  COST_BANDS, EVALUATION_METHODS, EVIDENCE_LABELS, labelOf, PARTNERS, PURPOSES, RICH_TEXT_SECTIONS, SCALES, STAGES, TARGET_GROUPS,
} from "~/lib/practice-options";
import { renderRichTextHtml } from "~/lib/rich-text/render";
import { validateRichText } from "~/lib/rich-text/validate";
import type { RevisionView } from "~/models/practice.server";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function monthYear(month: string, year: string) {
  const m = Number(month);
  return m >= 1 && m <= 12 && /^\d{4}$/.test(year) ? `${MONTHS[m - 1]} ${year}` : "";
}

export interface EntryPresentation {
  title: string;
  summary: string;
  organisationName: string;
  evidenceLabel: string | null;
  tags: { slug: string; label: string }[];
  /** `email` makes the fact a contact: its address is shown as a mailto link. */
  facts: { label: string; value: string; email?: string }[];
  sections: { key: string; label: string; html: string }[];
}

/**
 * An entry as the public sees it. Rich text is re-validated and rendered by
 * the project's own escaping renderer from the stored JSON; no stored HTML
 * exists, so none can reach a browser.
 */
export function presentEntry(
  revision: RevisionView,
  { organisationName, tags, evidenceLabel = null }: { organisationName: string; tags: { slug: string; label: string }[]; evidenceLabel?: string | null },
): EntryPresentation {
  const c = revision.content;
  const start = monthYear(c.startMonth, c.startYear);
  const end = c.ongoing ? "ongoing" : monthYear(c.endMonth, c.endYear);
  const facts: EntryPresentation["facts"] = [
    { label: "Organisation", value: organisationName },
    { label: "Unit or neighbourhood", value: c.unit },
    { label: "Purpose", value: labelOf(PURPOSES, c.purpose) },
    { label: "Aimed at", value: c.targetGroups.map((g) => labelOf(TARGET_GROUPS, g)).join(", ") },
    { label: "Partners", value: c.partners.map((p) => labelOf(PARTNERS, p)).join(", ") },
    { label: "Scale", value: labelOf(SCALES, c.scale) },
    { label: "Dates", value: start ? `${start} to ${end || "not given"}` : "" },
    { label: "Stage", value: labelOf(STAGES, c.stage) },
    { label: "Cost", value: labelOf(COST_BANDS, c.costBand) },
    { label: "How it was evaluated", value: labelOf(EVALUATION_METHODS, c.evaluationMethod) },
    { label: "Contact", value: [c.contactName, c.contactRole].filter(Boolean).join(", "), email: c.contactEmail || undefined },
  ].filter((f) => f.value || f.email);
  const sections = RICH_TEXT_SECTIONS.flatMap(({ key, label }) => {
    const checked = validateRichText(c.sections[key]);
    if (!checked.ok || checked.words === 0) return [];
    return [{ key, label, html: renderRichTextHtml(checked.doc) }];
  });
  return {
    title: revision.title,
    summary: revision.summary,
    organisationName,
    evidenceLabel: evidenceLabel ? labelOf(EVIDENCE_LABELS, evidenceLabel) : null,
    tags,
    facts,
    sections,
  };
}
