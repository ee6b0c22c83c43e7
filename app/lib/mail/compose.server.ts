import { siteUrl } from "~/lib/config.server";

export const SERVICE_NAME = "Neighbourhood policing practice bank";

/** One email, ready for the outbox: the subject names the service, and there is a text and an HTML part. */
export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailContent {
  /** What the email is about, without the service's name (added here). */
  subject: string;
  greetingName: string;
  /** Plain paragraphs, before and after the link. */
  paragraphs: string[];
  /** The one thing to do: a path on this site, made absolute with siteUrl(). */
  action?: { label: string; path: string };
  after?: string[];
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Every email the service sends is built here, so each has an absolute link
 * (built from APP_URL, never from a request), both parts and the same shape.
 */
export function composeEmail({ subject, greetingName, paragraphs, action, after = [] }: EmailContent): ComposedEmail {
  const url = action ? siteUrl(action.path) : null;
  const text = [
    `Hello ${greetingName},`,
    ...paragraphs,
    ...(action && url ? [`${action.label}:\n${url}`] : []),
    ...after,
    `${SERVICE_NAME}\n${siteUrl("/")}`,
  ].join("\n\n");
  const p = (t: string) => `<p style="margin:0 0 16px">${escapeHtml(t).replace(/\n/g, "<br>")}</p>`;
  const html = [
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c">`,
    p(`Hello ${greetingName},`),
    ...paragraphs.map(p),
    ...(action && url ? [`<p style="margin:0 0 16px"><a href="${escapeHtml(url)}" style="color:#1d70b8">${escapeHtml(action.label)}</a></p>`, p(`Or copy this address into your browser: ${url}`)] : []),
    ...after.map(p),
    `<p style="margin:0;color:#505a5f">${escapeHtml(SERVICE_NAME)}<br><a href="${escapeHtml(siteUrl("/"))}" style="color:#1d70b8">${escapeHtml(siteUrl("/"))}</a></p>`,
    `</body></html>`,
  ].join("\n");
  return { subject: `${subject} - ${SERVICE_NAME}`, text: `${text}\n`, html };
}
