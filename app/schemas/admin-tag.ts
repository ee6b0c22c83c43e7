import { z } from "zod";
import { checkbox, idList, optionalText, requiredText } from "./fields";

export const MAX_SYNONYM_LENGTH = 60;
export const MAX_SYNONYMS = 50;

/** One per line or comma separated; lower case, trimmed, inner spaces collapsed, no repeats. */
export function splitSynonyms(text: string): string[] {
  const terms = text
    .split(/[\n\r,]+/)
    .map((t) => t.trim().replace(/\s+/g, " ").toLowerCase())
    .filter(Boolean);
  return [...new Set(terms)];
}

export const tagSchema = z.object({
  label: requiredText("Enter the tag's label", 80, "Label must be 80 characters or fewer"),
  description: optionalText(500, "Description must be 500 characters or fewer"),
  synonyms: z
    .string()
    .max(5000, "Other words must be 5,000 characters or fewer in total")
    .optional()
    .transform((text, ctx) => {
      const terms = splitSynonyms(text ?? "");
      const tooLong = terms.find((t) => t.length > MAX_SYNONYM_LENGTH);
      if (tooLong) {
        ctx.addIssue({
          code: "custom",
          message: `Each other word must be ${MAX_SYNONYM_LENGTH} characters or fewer ("${tooLong.slice(0, 30)}..." is too long)`,
        });
        return z.NEVER;
      }
      if (terms.length > MAX_SYNONYMS) {
        ctx.addIssue({ code: "custom", message: `Enter ${MAX_SYNONYMS} other words or fewer` });
        return z.NEVER;
      }
      return terms;
    }),
  active: checkbox,
  broader: idList,
  narrower: idList,
  related: idList,
}).superRefine((v, ctx) => {
  // One tag cannot be both broader and narrower than this one, nor also merely related.
  const lists = ["broader", "narrower", "related"] as const;
  const seen = new Map<number, string>();
  for (const list of lists) {
    for (const id of v[list]) {
      if (seen.has(id)) {
        ctx.addIssue({ code: "custom", path: [list], message: `A topic can only be broader, narrower or related, not ${seen.get(id)} and ${list} at once` });
        return;
      }
      seen.set(id, list);
    }
  }
});

/** Form fields that repeat (checkbox groups). */
export const TAG_TOPIC_FIELDS = ["broader", "narrower", "related"] as const;
export const TAG_TOPIC_UNKNOWN = "Choose topics from the list, other than this tag";

export type TagValues = z.infer<typeof tagSchema>;

export const TAG_LABEL_TAKEN = "A tag with this label already exists";

/** The field error for other words that already belong to other tags, naming those tags. */
export function synonymClashMessage(clashes: { term: string; label: string }[]): string {
  if (clashes.length === 1) return `"${clashes[0].term}" is already used by the tag ${clashes[0].label}`;
  return `These words are already used by other tags: ${clashes.map((c) => `"${c.term}" (${c.label})`).join(", ")}`;
}
