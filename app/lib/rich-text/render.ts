import { normaliseSafeHref, SAFE_LINK_REL } from "./links";
import type { RichTextDoc, RichTextNode } from "./types";
import { countWords } from "./words";

export { countWords };

/**
 * HTML for a rich-text document, written by our own code rather than by
 * Tiptap/ProseMirror serialisers so it needs no DOM and emits nothing
 * outside this whitelist: p, br, strong, em, h2, h3, ul, ol, li,
 * blockquote and a[href][rel]. Every text and attribute value is escaped.
 *
 * It is meant for validated documents but does not rely on that: unknown
 * nodes are dropped, unknown marks and unsafe links are rendered as plain
 * text, so a document that skipped validation still cannot inject markup.
 */
export function renderRichTextHtml(doc: RichTextDoc | null): string {
  if (!isDoc(doc)) return "";
  return renderBlocks(doc.content, 0);
}

// Far above the validator's depth limit; only here so unvalidated input
// cannot exhaust the stack.
const MAX_RENDER_DEPTH = 64;

const BLOCK_TAGS: Record<string, string> = {
  paragraph: "p",
  blockquote: "blockquote",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
};

function renderBlocks(nodes: unknown, depth: number): string {
  if (!Array.isArray(nodes) || depth > MAX_RENDER_DEPTH) return "";
  let html = "";
  for (const node of nodes) {
    if (!isNode(node)) continue;
    const tag = blockTag(node);
    if (tag === null) continue;
    const inner =
      tag === "p" || tag === "h2" || tag === "h3"
        ? renderInline(node.content)
        : renderBlocks(node.content, depth + 1);
    html += `<${tag}>${inner}</${tag}>`;
  }
  return html;
}

function blockTag(node: RichTextNode): string | null {
  if (node.type === "heading") {
    const level = node.attrs?.level;
    // A heading size we do not offer keeps its words but loses its size.
    return level === 2 ? "h2" : level === 3 ? "h3" : "p";
  }
  return Object.hasOwn(BLOCK_TAGS, node.type) ? BLOCK_TAGS[node.type] : null;
}

interface OpenMark {
  key: string;
  open: string;
  close: string;
}

/**
 * Adjacent text nodes sharing marks share one element ("<a>one <strong>
 * two</strong></a>" rather than two links), matching the editor's output.
 */
function renderInline(nodes: unknown): string {
  if (!Array.isArray(nodes)) return "";
  let html = "";
  const open: OpenMark[] = [];
  for (const node of nodes) {
    if (!isNode(node)) continue;
    let leaf: string;
    if (node.type === "text" && typeof node.text === "string") leaf = escapeHtml(node.text);
    else if (node.type === "hardBreak") leaf = "<br>";
    else continue;

    const marks = renderableMarks(node.marks);
    let kept = 0;
    while (kept < open.length && kept < marks.length && open[kept].key === marks[kept].key) kept++;
    while (open.length > kept) html += open.pop()!.close;
    for (const mark of marks.slice(kept)) {
      html += mark.open;
      open.push(mark);
    }
    html += leaf;
  }
  while (open.length > 0) html += open.pop()!.close;
  return html;
}

function renderableMarks(marks: unknown): OpenMark[] {
  if (!Array.isArray(marks)) return [];
  const result: OpenMark[] = [];
  for (const mark of marks as unknown[]) {
    const rendered = renderMark(mark);
    if (rendered && !result.some((m) => m.key === rendered.key)) result.push(rendered);
  }
  return result;
}

function renderMark(mark: unknown): OpenMark | null {
  if (!isObject(mark)) return null;
  const { type } = mark;
  if (type === "bold") return { key: "bold", open: "<strong>", close: "</strong>" };
  if (type === "italic") return { key: "italic", open: "<em>", close: "</em>" };
  if (type === "link") {
    const { attrs } = mark;
    const href = normaliseSafeHref(isObject(attrs) ? attrs.href : undefined);
    if (href === null) return null;
    return {
      key: `link ${href}`,
      open: `<a href="${escapeHtml(href)}" rel="${SAFE_LINK_REL}">`,
      close: "</a>",
    };
  }
  return null;
}

/**
 * Plain text of a document, for word counts, search and summaries. Blocks
 * are separated by a blank line; list items, and blocks inside one list
 * item, by a single newline. List numbers and bullets are left out so they
 * are not counted as words.
 */
export function richTextToPlainText(doc: RichTextDoc | null): string {
  if (!isDoc(doc)) return "";
  return blocksText(doc.content, "\n\n", 0).trim();
}

function blocksText(nodes: unknown, separator: string, depth: number): string {
  if (!Array.isArray(nodes) || depth > MAX_RENDER_DEPTH) return "";
  const parts: string[] = [];
  for (const node of nodes) {
    if (!isNode(node)) continue;
    switch (node.type) {
      case "paragraph":
      case "heading":
        parts.push(inlineText(node.content));
        break;
      case "blockquote":
        parts.push(blocksText(node.content, "\n\n", depth + 1));
        break;
      case "bulletList":
      case "orderedList":
      case "listItem":
        parts.push(blocksText(node.content, "\n", depth + 1));
        break;
    }
  }
  return parts.join(separator);
}

function inlineText(nodes: unknown): string {
  if (!Array.isArray(nodes)) return "";
  let text = "";
  for (const node of nodes) {
    if (!isNode(node)) continue;
    if (node.type === "text" && typeof node.text === "string") text += node.text;
    else if (node.type === "hardBreak") text += "\n";
  }
  return text;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNode(value: unknown): value is RichTextNode {
  return isObject(value) && typeof value.type === "string";
}

function isDoc(value: unknown): value is RichTextDoc {
  return isObject(value) && value.type === "doc";
}
