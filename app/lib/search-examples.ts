// The searches the site offers as examples, in one place: the hints under
// the search boxes are written from these lists, and a test runs every one
// of them and expects relevant results (tests/unit/search-site-examples.test.ts).

/** Under the home page's search box. */
export const HOME_SEARCH_EXAMPLES = ["shoplifting", "youth anti-social behaviour", "GPS tags"] as const;

/** Under the search page's box; the quoted one shows how to search for exact words. */
export const SEARCH_PAGE_EXAMPLES = ["shoplifting", "teenagers causing ASB in the park", '"GPS tags"'] as const;

/** The open data page's example of the search API. */
export const API_SEARCH_EXAMPLE = { q: "shop theft", type: "practice" } as const;

/** "For example, a, b or c". */
export function examplesHint(examples: readonly string[], lastJoin = " or "): string {
  return `For example, ${examples.slice(0, -1).join(", ")}${lastJoin}${examples[examples.length - 1]}`;
}
