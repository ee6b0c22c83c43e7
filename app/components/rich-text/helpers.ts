import { normaliseSafeHref } from "~/lib/rich-text/links";
import { plainTextToRichText } from "~/lib/rich-text/from-plain-text";
import type { RichTextDoc } from "~/lib/rich-text/types";

// Small pure helpers for the rich-text editor, kept apart from the React
// component so they can be unit tested without a DOM.

export const LINK_ERROR_MESSAGE = "Enter a web address that starts with https://, http:// or mailto:";

/**
 * The href for what an author typed into the "Link address" box, or null
 * when it is not a link we allow. "www.example.org" is taken to mean
 * "https://www.example.org"; anything else must carry its own scheme, so the
 * rule stays the one the server applies (normaliseSafeHref).
 */
export function hrefFromLinkInput(raw: string): string | null {
  const trimmed = raw.trim();
  const candidate = /^www\./i.test(trimmed) ? `https://${trimmed}` : trimmed;
  return normaliseSafeHref(candidate);
}

/** The text shown for a link inserted with nothing selected. */
export function linkTextFromInput(raw: string, href: string): string {
  const trimmed = raw.trim();
  return trimmed === "" ? href : trimmed;
}

export function wordCountMessage(words: number): string {
  return words === 1 ? "1 word" : `${words.toLocaleString("en-GB")} words`;
}

/**
 * A document from plain text, read the same way as the no-JavaScript textarea
 * (see plainTextToRichText). Used for anything typed into the textarea before
 * the editor loaded; never empty, because the editor needs a paragraph to type in.
 */
export function plainTextToDoc(text: string): RichTextDoc {
  const doc = plainTextToRichText(text);
  return doc.content?.length ? doc : { type: "doc", content: [{ type: "paragraph" }] };
}

/**
 * Where focus goes in a WAI-ARIA toolbar for a key press: Left/Right move
 * (wrapping), Home/End go to the ends. null means "not a toolbar key".
 */
export function rovingIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case "ArrowRight":
      return (current + 1) % count;
    case "ArrowLeft":
      return (current - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  return [hasHint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}
