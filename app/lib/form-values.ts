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
  const out: Record<string, unknown> = Object.create(null);
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrayFields.includes(key) ? all : all[all.length - 1];
  }
  for (const key of arrayFields) out[key] ??= [];
  return { ...out };
}
