import { z } from "zod";
import type { EntryStatus, EvidenceLabel } from "../../db/schema";
import { STATUS_LABELS } from "~/lib/workflow";

// The "All entries" list's search, read from the address (a GET form) so it
// can be bookmarked and shared. Forgiving like the queue's filters: a value
// that is not one of the choices is ignored rather than refused.

export const ENTRY_STATES = ["draft", "in_review", "changes_requested", "published", "rejected", "withdrawn", "archived"] as const satisfies readonly EntryStatus[];
export const STATE_OPTIONS = ENTRY_STATES.map((value) => ({ value, label: STATUS_LABELS[value] }));

export const EVIDENCE_VALUES = ["worked", "promising", "untested", "did_not_work", "none"] as const;
export type EvidenceFilter = EvidenceLabel | "none";

export const SORT_OPTIONS = [
  { value: "changed", label: "Last changed, newest first" },
  { value: "submitted", label: "Last submitted, oldest first" },
  { value: "title", label: "Title, A to Z" },
] as const;
export type AllEntriesSort = (typeof SORT_OPTIONS)[number]["value"];

export const ALL_ENTRIES_PAGE_SIZE = 25;

const id = z.string().regex(/^\d{1,9}$/).transform(Number).optional().catch(undefined);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.string()).catch([]).transform((list) => [...new Set(list.filter((v): v is T[number] => (values as readonly string[]).includes(v)))]);

export const allEntriesSchema = z.object({
  q: z.string().catch("").transform((v) => v.trim().slice(0, 200)),
  state: oneOf(ENTRY_STATES),
  organisation: id,
  region: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  tag: id,
  evidence: oneOf(EVIDENCE_VALUES),
  sort: z.enum(["changed", "submitted", "title"]).catch("changed"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AllEntriesSearch = z.infer<typeof allEntriesSchema>;

export function allEntriesSearchFrom(search: URLSearchParams): AllEntriesSearch {
  const first = (key: string) => search.get(key) || undefined;
  return allEntriesSchema.parse({
    q: search.get("q") ?? "",
    state: search.getAll("state"),
    organisation: first("organisation"),
    region: first("region"),
    tag: first("tag"),
    evidence: search.getAll("evidence"),
    sort: first("sort"),
    page: first("page") ?? 1,
  });
}

/** The list's address for a search (only what differs from the defaults). */
export function allEntriesHref(s: Partial<AllEntriesSearch>): string {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  for (const v of s.state ?? []) p.append("state", v);
  if (s.organisation) p.set("organisation", String(s.organisation));
  if (s.region) p.set("region", s.region);
  if (s.tag) p.set("tag", String(s.tag));
  for (const v of s.evidence ?? []) p.append("evidence", v);
  if (s.sort && s.sort !== "changed") p.set("sort", s.sort);
  if (s.page && s.page > 1) p.set("page", String(s.page));
  const text = p.toString();
  return text ? `/review/entries?${text}` : "/review/entries";
}
