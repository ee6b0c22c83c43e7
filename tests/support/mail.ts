import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// Reads the .eml files the server's mail worker writes to MAIL_DIR (no
// SMTP_URL), as a person's mail program would: headers, the text part and the
// HTML part, with the one-time link taken out of the text.

export interface ReadEmail {
  file: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The first address under the site in the text part. */
  link: string | null;
}

function decodePart(body: string, encoding: string | undefined) {
  if (/quoted-printable/i.test(encoding ?? "")) {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  if (/base64/i.test(encoding ?? "")) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

function splitHeaders(raw: string) {
  const at = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(at + 4) };
}

export function parseEmail(file: string): ReadEmail {
  const { headers, body } = splitHeaders(fs.readFileSync(file, "utf8"));
  let text = "";
  let html = "";
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get("content-type") ?? "")?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`\r\n${[...headers].map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n${body}`];
  for (const part of parts) {
    const { headers: h, body: b } = splitHeaders(part.replace(/^\r\n/, ""));
    const decoded = decodePart(b, h.get("content-transfer-encoding"));
    if (/text\/html/i.test(h.get("content-type") ?? "")) html = decoded;
    else if (/text\/plain/i.test(h.get("content-type") ?? "")) text = decoded;
  }
  return {
    file,
    to: headers.get("to") ?? "",
    subject: headers.get("subject") ?? "",
    text,
    html,
    link: /(https?:\/\/[^\s<>"]+)/.exec(text.split(/\r?\n\r?\n/).find((p) => /\/(set-password|request-account)\//.test(p)) ?? "")?.[1] ?? null,
  };
}

export function readEmails(dir: string): ReadEmail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort((a, b) => Number(/-(\d+)\.eml$/.exec(a)![1]) - Number(/-(\d+)\.eml$/.exec(b)![1]))
    .map((f) => parseEmail(path.join(dir, f)));
}

/** Waits (up to `ms`) for the newest email to `to` whose subject matches, beyond the first `skip` such emails. */
export async function waitForEmail(dir: string, to: string, subject: RegExp, { skip = 0, ms = 15_000 } = {}): Promise<ReadEmail> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = readEmails(dir).filter((e) => e.to === to && subject.test(e.subject));
    if (found.length > skip) return found[found.length - 1];
    if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${subject} in ${dir} (found: ${readEmails(dir).map((e) => `${e.to}: ${e.subject}`).join("; ")})`);
    await sleep(100);
  }
}

/** The MAIL_DIR startServer gives a server whose database is at `databasePath`. */
export function mailDirOf(databasePath: string) {
  return path.join(path.dirname(databasePath), "mail");
}
