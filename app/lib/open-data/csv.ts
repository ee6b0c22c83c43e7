// CSV as RFC 4180 writes it: every field quoted, double quotes doubled,
// records ended by CRLF, so commas, quotes and line breaks inside text
// survive. Opened in a spreadsheet, a cell starting with = + - @ (or a tab
// or carriage return) would be run as a formula, which lets a published
// text smuggle one onto a reader's machine (OWASP "CSV injection"); such
// cells get a leading apostrophe, which spreadsheets read as "this is text".

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text made safe to open in a spreadsheet. */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
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
