/**
 * The single rule for which link targets are allowed. Used by the editor
 * (Tiptap's `isAllowedUri`), by the validator and again by the renderer, so
 * a link the browser accepts is exactly a link the server will render.
 */
export const ALLOWED_LINK_PROTOCOLS: readonly string[] = ["http:", "https:", "mailto:"];

/** Every rendered link gets this rel; `nofollow` because the text is user content. */
export const SAFE_LINK_REL = "noopener noreferrer nofollow";

export const MAX_HREF_LENGTH = 2048;

/**
 * Returns the href in the form a browser would resolve it, or null when it
 * is not an absolute http:, https: or mailto: URL.
 *
 * Deciding with the WHATWG URL parser (the one browsers use) rather than a
 * regex means disguises such as "JaVaScRiPt:", "java\tscript:", leading
 * control characters or "&#106;avascript:" are judged the way a browser
 * would judge them. Parsing without a base URL makes relative and
 * protocol-relative ("//evil.example") hrefs fail outright.
 */
export function normaliseSafeHref(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const trimmed = raw.trim();
  if (trimmed === "" || trimmed.length > MAX_HREF_LENGTH) return null;

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!ALLOWED_LINK_PROTOCOLS.includes(url.protocol)) return null;
  // "https://gov.uk@evil.example" reads as gov.uk but goes to evil.example.
  if (url.username !== "" || url.password !== "") return null;
  if (url.protocol === "mailto:" ? url.pathname === "" : url.hostname === "") return null;
  return url.href;
}

export function isSafeHref(raw: unknown): boolean {
  return normaliseSafeHref(raw) !== null;
}
