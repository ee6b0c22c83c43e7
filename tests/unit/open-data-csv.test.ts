import { describe, expect, it } from "vitest";
import { spreadsheetSafe, toCsv } from "../../app/lib/open-data/csv";
import { parseCsv } from "../support/csv";

describe("toCsv", () => {
  it("writes RFC 4180: a BOM, every field quoted, quotes doubled, CRLF after every record", () => {
    expect(toCsv(["a", "b"], [["1, 2", 'say "hi"'], ["line\nbreak", ""]])).toBe(
      '\uFEFF"a","b"\r\n"1, 2","say ""hi"""\r\n"line\nbreak",""\r\n',
    );
  });

  it("round-trips any text except for the apostrophe guarding a formula", () => {
    const cells = ['"', '""', ",", "a\r\nb", "a\n\nb", "plain", "Ynys Môn 🚓", "x=1", "a-b", "e@mail"];
    const parsed = parseCsv(toCsv(["only"], cells.map((c) => [c])).slice(1));
    expect(parsed.slice(1).map((r) => r[0])).toEqual(cells);
  });
});

describe("spreadsheetSafe", () => {
  it("makes a cell starting with = + - @ tab or carriage return plain text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(spreadsheetSafe(`${start}1+1`)).toBe(`'${start}1+1`);
  });

  it("also guards the fullwidth and small forms of the signs, and the minus sign", () => {
    for (const start of ["\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "\uFE66", "\uFE62", "\uFE63", "\uFE6B", "\u207A", "\u2212"]) {
      expect(spreadsheetSafe(`${start}HYPERLINK("http://evil.example")`), start.codePointAt(0)!.toString(16)).toBe(`'${start}HYPERLINK("http://evil.example")`);
    }
  });

  // OWASP's CSV injection guidance: what a spreadsheet skips before a formula must not hide it.
  it("guards a sign behind leading spaces, line breaks, control or invisible characters", () => {
    for (const lead of [" ", "   ", "\n", "\u00A0", "\u3000", "\u200B", "\uFEFF", "\u0000", " \n\u200B "]) {
      for (const sign of ["=", "+", "-", "@", "\uFF1D"]) {
        const value = `${lead}${sign}cmd|' /C calc'!A0`;
        expect(spreadsheetSafe(value), JSON.stringify(value)).toBe(`'${value}`);
      }
    }
  });

  it("keeps a separator or quote in a text inside its own quoted cell, so no formula starts a new cell", () => {
    const row = parseCsv(toCsv(["a", "b"], [['x",=1+1,"', "y;=2"]]).slice(1))[1];
    expect(row).toEqual(['x",=1+1,"', "y;=2"]);
  });

  it("leaves other cells alone", () => {
    for (const value of ["", "   ", "1+1", "'quoted", "A=B", "x@y", "Ynys Môn", "\u2010 hyphen", "£5"]) expect(spreadsheetSafe(value)).toBe(value);
  });
});
