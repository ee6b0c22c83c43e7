import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../app/lib/permissions";

const FALLBACK = "/home";

// Each of these, given to a browser as a Location, would leave the site (or
// break the header). They are the tricks of OWASP's unvalidated-redirects
// guidance and the ones an attack test of this portal used.
const HOSTILE = [
  "//evil.example",
  "//evil.example/fake-login",
  "/\t/evil.example/fake-login",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " /review",
  "/ /evil.example",
  "/\u3000/evil.example",
  "/\u00a0/evil.example",
  "/\u0000/evil.example",
  "/\u2028/evil.example",
  "/review\n",
  "/review\u0000",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "",
  "/" + "a".repeat(3000),
];

// Encoded slashes stay encoded: a browser reads them as part of one path segment.
const SAFE: Array<[string, string]> = [
  ["/review", "/review"],
  ["/review/12?tab=comments#c3", "/review/12?tab=comments#c3"],
  ["/submissions/3/edit", "/submissions/3/edit"],
  ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["/%2F/evil.example", "/%2F/evil.example"],
  ["/%5C%5Cevil.example", "/%5C%5Cevil.example"],
  ["/search?q=%2F%2Fevil", "/search?q=%2F%2Fevil"],
  ["/a/../review", "/review"],
  ["/\u2215\u2215evil.example", "/%E2%88%95%E2%88%95evil.example"],
  ["/\uff0f\uff0fevil.example", "/%EF%BC%8F%EF%BC%8Fevil.example"],
];

describe("safeRedirectPath", () => {
  it.each(HOSTILE)("refuses %j", (target) => {
    expect(safeRedirectPath(target, FALLBACK)).toBe(FALLBACK);
  });

  it.each(SAFE)("keeps the same-site path %j as %j", (target, expected) => {
    const kept = safeRedirectPath(target, FALLBACK);
    expect(kept).toBe(expected);
    // Whatever is kept resolves to this site in a browser's URL parser.
    expect(new URL(kept, "https://practice-bank.example.org").origin).toBe("https://practice-bank.example.org");
  });

  it("refuses anything that is not a string", () => {
    for (const value of [undefined, null, 42, ["/review"], { toString: () => "/review" }]) {
      expect(safeRedirectPath(value, FALLBACK)).toBe(FALLBACK);
    }
  });

  it("never returns a value that a Location header would refuse", () => {
    for (const target of [...HOSTILE, ...SAFE.map(([t]) => t)]) {
      const kept = safeRedirectPath(target, FALLBACK);
      expect(() => new Headers({ Location: kept })).not.toThrow();
      expect(kept.startsWith("//")).toBe(false);
    }
  });
});
