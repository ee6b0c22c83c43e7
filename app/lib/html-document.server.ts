// Remix (v2, single fetch) renders the scripts that hand loader data to the
// browser as a sibling of the whole document, so React writes them after
// </html>: invalid HTML ("stray start tag script") that browsers quietly move
// into <body>. Doing that move here gives the same page, valid.

const END = "</body></html>";

export function moveTrailingMarkupIntoBody(html: string): string {
  const end = html.lastIndexOf(END);
  if (end === -1) return html;
  const trailing = html.slice(end + END.length);
  if (!trailing) return html;
  return html.slice(0, end) + trailing + END;
}
