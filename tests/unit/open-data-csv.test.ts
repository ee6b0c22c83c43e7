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

  it("leaves other cells alone", () => {
    for (const value of ["", "1+1", " =1", "'quoted", "A=B"]) expect(spreadsheetSafe(value)).toBe(value);
  });
});
