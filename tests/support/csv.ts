/**
 * Reads CSV strictly as RFC 4180 defines it (CRLF between records, fields
 * optionally in double quotes, "" for a quote inside them), and throws on
 * anything else, such as a stray quote or a bare LF between records. Only
 * for checking the app's CSV in tests.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`CSV: ${why} at character ${i}`);
  };
  for (;;) {
    let value = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail("unclosed quote");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') fail("quote in an unquoted field");
        value += text[i++];
      }
    }
    row.push(value);
    if (text[i] === ",") {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (i >= text.length) return rows;
    if (text[i] !== "\r" || text[i + 1] !== "\n") fail("record not ended by CRLF");
    i += 2;
    if (i >= text.length) return rows;
  }
}
