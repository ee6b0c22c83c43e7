import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe on the page as it is now and fails, listing each problem, if WCAG 2.2 AA rules are broken. */
export async function expectNoA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = results.violations.map((v) => {
    const targets = v.nodes.map((n) => `    ${n.target.join(" ")}`).join("\n");
    return `${v.id} (${v.impact ?? "unknown impact"}): ${v.help}\n  ${v.helpUrl}\n${targets}`;
  });
  if (report.length > 0) {
    console.log(`Accessibility violations on ${page.url()}:\n${report.join("\n")}`);
  }
  expect(report, `axe found ${report.length} WCAG violation(s) on ${page.url()}`).toEqual([]);
  // A scan that looked at nothing would pass vacuously.
  expect(results.passes.length, "axe ran its checks").toBeGreaterThan(0);
}
