// Text made safe for XML 1.0 element content and attribute values.
//
// Escaping the five special characters is not enough on its own: XML 1.0
// forbids most control characters (U+0000 to U+001F other than tab, line feed
// and carriage return), unpaired surrogates and U+FFFE/U+FFFF even when
// escaped, and one of them would make a whole feed unreadable. Published text
// can hold them (pasted from a word processor), so they are dropped.

const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, "").replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}
