import { ROLE_LABELS } from "~/lib/permissions";
import { RICH_TEXT_SECTIONS } from "~/lib/practice-options";
import { formatUkDateTime } from "~/lib/uk-time";
import type { Role } from "../../../db/schema";

/** The parts of an entry a comment can be about, in the order the form shows them. */
const SECTION_ORDER: { key: string | null; label: string }[] = [
  { key: null, label: "The whole entry" },
  { key: "title", label: "Title" },
  { key: "summary", label: "Summary" },
  ...RICH_TEXT_SECTIONS.map((s) => ({ key: s.key as string, label: s.label as string })),
];
const OTHER = "Other comments";

export function commentSectionLabel(key: string | null): string {
  return SECTION_ORDER.find((s) => s.key === (key || null))?.label ?? OTHER;
}

export interface CommentView {
  id: number;
  body: string;
  authorName: string;
  authorRole: string;
  at: string;
  when: string;
}

export interface CommentGroup {
  key: string;
  label: string;
  comments: CommentView[];
}

interface StoredComment {
  id: number;
  body: string;
  section_key: string | null;
  created_at: string;
  author_name: string;
  author_role: Role;
}

/** Comments grouped by the part of the entry they are about, oldest first in each group. Call it in a loader. */
export function commentGroups(comments: StoredComment[]): CommentGroup[] {
  const groups = new Map<string, CommentGroup>();
  const rank = (label: string) => {
    const i = SECTION_ORDER.findIndex((s) => s.label === label);
    return i === -1 ? SECTION_ORDER.length : i;
  };
  for (const c of [...comments].sort((a, b) => a.id - b.id)) {
    const label = commentSectionLabel(c.section_key);
    const group = groups.get(label) ?? { key: c.section_key ?? "entry", label, comments: [] };
    group.comments.push({
      id: c.id,
      body: c.body,
      authorName: c.author_name,
      authorRole: ROLE_LABELS[c.author_role] ?? c.author_role,
      at: c.created_at,
      when: formatUkDateTime(c.created_at),
    });
    groups.set(label, group);
  }
  return [...groups.values()].sort((a, b) => rank(a.label) - rank(b.label));
}
