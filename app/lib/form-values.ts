/**
 * A form's fields as a plain object, the same way in the browser (from
 * FormData) and on the server (from the request body), so one zod schema
 * sees the same input in both places. Repeated names (checkbox groups) become
 * arrays for the fields listed in `arrayFields`; other names keep their last value.
 */
export function formToObject(
  form: URLSearchParams | FormData,
  arrayFields: readonly string[] = [],
): Record<string, unknown> {
  // One pass over the entries: asking for each name's values in turn would
  // cost the square of the number of fields, which a hostile form can make huge.
  const lists = new Set(arrayFields);
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (lists.has(key)) ((out[key] ??= []) as string[]).push(value);
    else out[key] = value;
  }
  for (const key of arrayFields) out[key] ??= [];
  return { ...out };
}
