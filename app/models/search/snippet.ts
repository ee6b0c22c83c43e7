// Highlighted extracts as safe HTML. The search engine marks matches with two
// private-use characters that indexing strips from all stored text, so the
// only markers in an extract are the engine's own. The text is escaped first
// and the markers become <mark> tags after, so stored text can never add HTML.

export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";
export const ELLIPSIS = "\u2026";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Turns an extract with markers into HTML with balanced <mark> elements. */
export function markedToHtml(marked: string): string {
  let html = "";
  let open = false;
  for (const piece of marked.split(/([\uE000\uE001])/)) {
    if (piece === MARK_OPEN) {
      if (!open) html += "<mark>";
      open = true;
    } else if (piece === MARK_CLOSE) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeHtml(piece);
    }
  }
  return open ? `${html}</mark>` : html;
}

export function countMarks(marked: string): number {
  let n = 0;
  for (const c of marked) if (c === MARK_OPEN) n++;
  return n;
}

/** The first words of a text, escaped, for results listed without a query. */
export function openingWords(text: string, maxWords = 40): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const head = words.slice(0, maxWords).join(" ");
  return escapeHtml(words.length > maxWords ? `${head}${ELLIPSIS}` : head);
}
