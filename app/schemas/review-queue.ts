import { z } from "zod";

// The review queue's filters, read from the address (a GET form), so a
// filtered queue can be bookmarked and shared. Filters are forgiving: a value
// that is not one of the choices is ignored rather than refused.

export const QUEUE_STATE_OPTIONS = [
  { value: "in_review", label: "In review" },
  { value: "changes_requested", label: "Changes requested" },
] as const;

export const ASSIGNED_OPTIONS = [
  { value: "all", label: "Anyone or no one" },
  { value: "me", label: "Assigned to you" },
  { value: "unassigned", label: "Not assigned to anyone" },
] as const;

const id = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .optional()
  .catch(undefined);

export const queueFiltersSchema = z.object({
  state: z
    .array(z.string())
    .catch([])
    .transform((states) => [...new Set(states.filter((s): s is "in_review" | "changes_requested" => s === "in_review" || s === "changes_requested"))]),
  organisation: id,
  region: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  tag: id,
  assigned: z.enum(["all", "me", "unassigned"]).optional().catch(undefined).transform((v) => (v === "all" ? undefined : v)),
});

export type QueueFilterValues = z.infer<typeof queueFiltersSchema>;

export function queueFiltersFrom(search: URLSearchParams): QueueFilterValues {
  const first = (key: string) => search.get(key) ?? undefined;
  return queueFiltersSchema.parse({
    state: search.getAll("state"),
    organisation: first("organisation") || undefined,
    region: first("region"),
    tag: first("tag") || undefined,
    assigned: first("assigned"),
  });
}

/** The queue's address for a set of filters (only the ones in use). */
export function queueSearch(filters: Partial<QueueFilterValues>): string {
  const search = new URLSearchParams();
  for (const s of filters.state ?? []) search.append("state", s);
  if (filters.organisation) search.set("organisation", String(filters.organisation));
  if (filters.region) search.set("region", filters.region);
  if (filters.tag) search.set("tag", String(filters.tag));
  if (filters.assigned) search.set("assigned", filters.assigned);
  const text = search.toString();
  return text ? `?${text}` : "";
}
