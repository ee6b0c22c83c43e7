// CSV as RFC 4180 writes it: every field quoted, double quotes doubled,
// records ended by CRLF, so commas, quotes and line breaks inside text
// survive; a separator or quote in a text can never start a new cell.
// Opened in a spreadsheet, a cell starting with = + - @ (or a tab or carriage
// return) would be run as a formula, which lets a published text smuggle one
// onto a reader's machine (OWASP "CSV injection"); such cells get a leading
// apostrophe, which spreadsheets read as "this is text". Spreadsheets also
// read the fullwidth and small forms of those signs (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫)
// as the ASCII ones, and some skip leading spaces, line breaks and invisible
// characters (a zero-width space, a byte order mark) before a formula, so the
// first visible character is what counts.

/** Spaces, line breaks, other control characters and invisible format characters (zero-width space, BOM). */
const INVISIBLE_START = /^[\s\p{Cc}\p{Cf}]*/u;
const FORMULA_SIGNS = new Set(["=", "+", "-", "@"]);

function startsFormula(value: string): boolean {
  if (/^[\t\r]/.test(value)) return true;
  const first = value.slice(INVISIBLE_START.exec(value)![0].length).codePointAt(0);
  if (first === undefined) return false;
  // NFKC maps the fullwidth (U+FF1D, U+FF0B, U+FF0D, U+FF20), small and
  // superscript forms onto the ASCII sign; U+2212 is the minus sign itself.
  const sign = String.fromCodePoint(first).normalize("NFKC");
  return FORMULA_SIGNS.has(sign) || first === 0x2212;
}

/** A cell's text made safe to open in a spreadsheet. */
export function spreadsheetSafe(value: string): string {
  return startsFormula(value) ? `'${value}` : value;
}

function field(value: string): string {
  return `"${spreadsheetSafe(value).replace(/"/g, '""')}"`;
}

/**
 * A whole CSV file: a header row, then one row per record. Starts with a
 * UTF-8 byte order mark, without which Excel reads UTF-8 as the local code
 * page and garbles names such as "Ynys Môn".
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}
