// What to put back in a form: the values the person sent (after a 400) if
// there are any, otherwise the saved record's values.

type Values = Record<string, unknown> | undefined;

export function keptText(values: Values, key: string, fallback: string): string {
  if (!values) return fallback;
  const v = values[key];
  return typeof v === "string" ? v : "";
}

export function keptChecked(values: Values, key: string, fallback: boolean): boolean {
  if (!values) return fallback;
  const v = values[key];
  return v === "on" || v === "true" || v === true;
}

export function keptList(values: Values, key: string, fallback: readonly string[]): string[] {
  if (!values) return [...fallback];
  const v = values[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
}
