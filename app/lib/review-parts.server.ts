import type { ChangeView } from "~/components/review/diff-text";
import type { ReviewPart } from "~/components/review/review-parts";
import { presentEntry } from "~/lib/entry-presentation.server";
import { RICH_TEXT_SECTIONS } from "~/lib/practice-options";
import { renderRichTextHtml, richTextToPlainText } from "~/lib/rich-text/render";
import { validateRichText } from "~/lib/rich-text/validate";
import { describeChange, pageDiffBudget, wordDiff, type DiffBudget } from "~/lib/word-diff";
import type { RevisionView } from "~/models/practice.server";

// The submission under review, part by part, with word-level changes against
// the revisions a reviewer compares it with.

export type TagNames = Map<number, { slug: string; label: string }>;

function tagsOf(revision: RevisionView, names: TagNames) {
  return revision.tagIds.flatMap((id) => {
    const tag = names.get(id);
    return tag ? [tag] : [];
  });
}

function changeBetween(before: string, after: string, budget: DiffBudget): ChangeView {
  const diff = wordDiff(before, after, budget);
  return { parts: diff.parts, changed: diff.changed, tooMany: diff.tooMany, description: describeChange(diff) };
}

/** Each part of a revision as plain text, the form the word diff compares. */
function plainParts(revision: RevisionView, organisationName: string, names: TagNames): Record<string, string> {
  const shown = presentEntry(revision, { organisationName, tags: tagsOf(revision, names) });
  return {
    title: revision.title,
    summary: revision.summary,
    facts: shown.facts.map((f) => `${f.label}: ${[f.value, f.email].filter(Boolean).join(", ")}`).join("\n"),
    tags: tagsOf(revision, names)
      .map((t) => t.label)
      .join("\n"),
    ...Object.fromEntries(RICH_TEXT_SECTIONS.map(({ key }) => [key, richTextToPlainText(revision.content.sections[key])])),
  };
}

export function reviewParts(
  current: RevisionView,
  previous: RevisionView | null,
  published: RevisionView | null,
  organisationName: string,
  names: TagNames,
): ReviewPart[] {
  const shown = presentEntry(current, { organisationName, tags: tagsOf(current, names) });
  const now = plainParts(current, organisationName, names);
  const before = previous ? plainParts(previous, organisationName, names) : null;
  const live = published ? plainParts(published, organisationName, names) : null;
  // Every comparison on the page shares one budget, so no page costs more than it allows.
  const budget = pageDiffBudget();
  const changes = (key: string) => ({
    sinceLast: before ? changeBetween(before[key], now[key], budget) : null,
    sincePublished: live ? changeBetween(live[key], now[key], budget) : null,
  });
  const sectionHtml = (key: (typeof RICH_TEXT_SECTIONS)[number]["key"]) => {
    const checked = validateRichText(current.content.sections[key]);
    return checked.ok && checked.words > 0 ? renderRichTextHtml(checked.doc) : "";
  };
  const parts: ReviewPart[] = [
    { key: "title", label: "Title", content: current.title ? { kind: "text", text: current.title } : { kind: "empty" }, ...changes("title") },
    { key: "summary", label: "Summary", content: current.summary ? { kind: "text", text: current.summary } : { kind: "empty" }, ...changes("summary") },
    { key: "facts", label: "Key facts", content: shown.facts.length ? { kind: "facts", facts: shown.facts } : { kind: "empty" }, ...changes("facts") },
    {
      key: "tags",
      label: "Topics chosen by the force",
      content: shown.tags.length ? { kind: "tags", tags: shown.tags.map((t) => t.label) } : { kind: "empty" },
      ...changes("tags"),
    },
  ];
  for (const { key, label } of RICH_TEXT_SECTIONS) {
    const html = sectionHtml(key);
    parts.push({ key, label, content: html ? { kind: "html", html } : { kind: "empty" }, ...changes(key) });
  }
  return parts;
}
