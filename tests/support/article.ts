import fs from "node:fs";

// The College's public article about the Week of Action. The project's data
// files carry its facts in their own words; tests check its prose is not copied.

const ARTICLE_URL = new URL("../../../shared/reference/week-of-action-2026-article.txt", import.meta.url);

export function readArticle(): string {
  return fs.readFileSync(ARTICLE_URL, "utf8");
}

/** The article's prose sentences (six words or more, ending in a full stop). */
export function articleSentences(article = readArticle()): string[] {
  return article
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.endsWith(".") && s.split(/\s+/).length >= 6);
}
