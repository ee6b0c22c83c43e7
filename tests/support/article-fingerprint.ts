import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// The check that the project's data does not copy the College's article about
// the Week of Action, without the article in the repository: its prose is
// kept only as the SHA-256 of each run of eight words (a "shingle"), written
// by scripts/article-fingerprint.ts into article-fingerprint.json. A text
// copies the article when one of its own shingles has one of those hashes.

export const SHINGLE_WORDS = 8;

const ROOT = path.resolve(import.meta.dirname, "../..");
const FINGERPRINT = path.join(ROOT, "tests/support/article-fingerprint.json");

export interface ArticleFingerprint {
  about: string;
  shingleWords: number;
  normalisation: string;
  /** Sorted, so they say nothing about the order of the words. */
  sha256: string[];
}

export const NORMALISATION =
  "NFKC, lower case, apostrophes removed, every run of other characters that are not letters or digits made one space";

/** The words of a text, normalised so that case, punctuation and spacing do not hide a copy. */
export function normalisedWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’‘]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/**
 * The article's prose: its paragraphs that end a sentence. Headings, talk
 * titles, list lines (days, times, speakers) and links alone are facts the
 * data is meant to carry as they are, so they are left out.
 */
export function proseOf(article: string): string {
  return article
    .split(/\n\s*\n/)
    .map((block) => block.trim().replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\\([()])/g, "$1"))
    .filter((block) => !block.startsWith("- ") && /[.!?]$/.test(block))
    .join("\n\n");
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Each run of eight normalised words, with its hash. */
function shingles(text: string): { words: string; hash: string }[] {
  const words = normalisedWords(text);
  const out: { words: string; hash: string }[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const run = words.slice(i, i + SHINGLE_WORDS).join(" ");
    out.push({ words: run, hash: sha256(run) });
  }
  return out;
}

export function fingerprintOf(article: string, about = "an article"): ArticleFingerprint {
  return {
    about,
    shingleWords: SHINGLE_WORDS,
    normalisation: NORMALISATION,
    sha256: [...new Set(shingles(proseOf(article)).map((s) => s.hash))].sort(),
  };
}

export function readArticleFingerprint(): ArticleFingerprint {
  return JSON.parse(fs.readFileSync(FINGERPRINT, "utf8")) as ArticleFingerprint;
}

export function writeArticleFingerprint(fingerprint: ArticleFingerprint) {
  fs.writeFileSync(FINGERPRINT, `${JSON.stringify(fingerprint, null, 2)}\n`);
}

/** The runs of eight words of `text` (our own words, safe to print) whose hashes are in the fingerprint. */
export function copiedRuns(text: string, fingerprint: ArticleFingerprint = readArticleFingerprint()): string[] {
  const hashes = new Set(fingerprint.sha256);
  return shingles(text).filter((s) => hashes.has(s.hash)).map((s) => s.words);
}

/** Every string in a JSON value, one a line, in document order. */
export function jsonText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(jsonText).join("\n");
  if (value && typeof value === "object") return Object.values(value).map(jsonText).join("\n");
  return "";
}

/** The project's own texts that must not copy the article: every db/data/*.json file's strings, and README.md. */
export function projectTexts(): { file: string; text: string }[] {
  const dataDir = path.join(ROOT, "db/data");
  const data = fs
    .readdirSync(dataDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ file: `db/data/${f}`, text: jsonText(JSON.parse(fs.readFileSync(path.join(dataDir, f), "utf8"))) }));
  return [...data, { file: "README.md", text: fs.readFileSync(path.join(ROOT, "README.md"), "utf8") }];
}
