import fs from "node:fs";
import path from "node:path";
import { fingerprintOf, writeArticleFingerprint } from "../tests/support/article-fingerprint";

// Writes tests/support/article-fingerprint.json from the College's article
// about the Week of Action, so the tests can check the project does not copy
// its sentences without the article being in the repository: only the
// SHA-256 of each normalised run of eight words of its prose is kept.
//
//   npx vite-node scripts/article-fingerprint.ts -- path/to/week-of-action-2026-article.txt

const file = process.argv.slice(2).find((a) => a !== "--");
if (!file) {
  console.error("Usage: npx vite-node scripts/article-fingerprint.ts -- <article.txt>");
  process.exit(2);
}
const fingerprint = fingerprintOf(fs.readFileSync(file, "utf8"), `${path.basename(file)}: the College of Policing's article about Neighbourhood Policing Week of Action 2026`);
writeArticleFingerprint(fingerprint);
console.info(`Wrote ${fingerprint.sha256.length} shingle hashes to tests/support/article-fingerprint.json`);
