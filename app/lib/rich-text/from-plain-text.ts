import type { RichTextDoc, RichTextNode } from "./types";

/**
 * The document for text typed into a plain textarea (the form without
 * JavaScript): blank lines separate paragraphs, single line breaks are kept.
 */
export function plainTextToRichText(text: string): RichTextDoc {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    type: "doc",
    content: paragraphs.map((p): RichTextNode => {
      const lines = p.split("\n");
      const content: RichTextNode[] = [];
      lines.forEach((line, i) => {
        if (i > 0) content.push({ type: "hardBreak" });
        if (line) content.push({ type: "text", text: line });
      });
      return { type: "paragraph", content };
    }),
  };
}
