import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/**
 * The first message for each field, keyed by its form name ("a.b" for nested).
 * Positions within a list (a checkbox group's third value) are dropped: the
 * error belongs to the group, which is what the page can link to.
 */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.filter((p) => typeof p !== "number").map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export type Submission<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

export function parseWith<S extends z.ZodType>(schema: S, values: Record<string, unknown>): Submission<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrorsFrom(result.error), values };
}
