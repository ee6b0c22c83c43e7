import { describe, expect, it } from "vitest";
import { escapeXml } from "../../app/lib/open-data/xml";

describe("escapeXml", () => {
  it("escapes the five characters XML gives meaning to", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  });

  it("drops characters XML 1.0 cannot hold even escaped, and keeps tab, line breaks and astral characters", () => {
    expect(escapeXml("a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh")).toBe("abcdefgh");
    expect(escapeXml("lone \uD800 high, lone \uDC00 low")).toBe("lone  high, lone  low");
    expect(escapeXml("tab\there\r\nnew line 🚓 Môn")).toBe("tab\there\r\nnew line 🚓 Môn");
  });
});
