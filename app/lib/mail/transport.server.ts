import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { getConfig } from "~/lib/config.server";

export const DEFAULT_MAIL_FROM = "Practice bank <no-reply@practice-bank.invalid>";

/** One outbox row, as the transport needs it. */
export interface OutgoingEmail {
  /** The email_outbox id; part of the file name and of the Message-ID. */
  id: number;
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to the text, when the email has one. */
  html?: string | null;
  /** When the row was queued (ISO); keeps the Message-ID unique across databases. */
  createdAt?: string;
}

export interface MailTransport {
  /** "smtp" or "file", for logs and tests. */
  readonly kind: "smtp" | "file";
  /** Where mail goes, without credentials, for the start-up log. */
  readonly description: string;
  /** Resolves once the message is handed over (SMTP accepted it, or the file is written); rejects otherwise. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export interface MailTransportOptions {
  /** smtp://user:pass@host:587 or smtps://…; without it, messages are written to mailDir. */
  smtpUrl?: string;
  from?: string;
  mailDir?: string;
}

// nodemailer waits up to an hour on a silent socket by default. A send must
// finish well inside the outbox lease (5 minutes), or a second worker could
// claim the row again; an operator can still override these in the URL query.
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000, dnsTimeout: 30_000 };

export function createMailTransport({ smtpUrl, from = DEFAULT_MAIL_FROM, mailDir = "./data/outbox-mail" }: MailTransportOptions = {}): MailTransport {
  if (smtpUrl) return smtpTransport(smtpUrl, from);
  return fileTransport(path.resolve(mailDir), from);
}

/** The transport the running server uses: SMTP_URL if set, else files in MAIL_DIR. */
export function mailTransportFromConfig(config = getConfig()): MailTransport {
  return createMailTransport({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, mailDir: config.MAIL_DIR });
}

function message(email: OutgoingEmail, from: string): Mail.Options {
  return {
    from,
    to: email.to,
    subject: email.subject,
    // Internet mail ends lines with CRLF; nodemailer leaves a plain-text body as given.
    text: email.text.replace(/\r\n|\r|\n/g, "\r\n"),
    ...(email.html ? { html: email.html } : {}),
    messageId: messageId(email, from),
    // RFC 3834: tells auto-responders (out-of-office replies) not to answer.
    headers: { "Auto-Submitted": "auto-generated" },
  };
}

// The same row always gets the same Message-ID, so that if it is ever
// delivered twice (the process died between the send and recording it) mail
// systems can recognise the copy.
function messageId(email: OutgoingEmail, from: string) {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "practice-bank.invalid";
  const created = email.createdAt ? Date.parse(email.createdAt) : NaN;
  return `<outbox-${email.id}${Number.isFinite(created) ? `-${created}` : ""}@${domain}>`;
}

function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const url = new URL(smtpUrl);
  for (const [key, value] of Object.entries(SMTP_TIMEOUTS)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(value));
  }
  const transporter = nodemailer.createTransport(url.toString());
  return {
    kind: "smtp",
    description: `SMTP server ${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`,
    async send(email) {
      await transporter.sendMail(message(email, from));
    },
    close: () => transporter.close(),
  };
}

/** Compact ISO 8601 (basic format), which is safe in file names on every system: 20261125T174727.035Z */
function fileTimestamp(date: Date) {
  return date.toISOString().replace(/[-:]/g, "");
}

function fileTransport(dir: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    kind: "file",
    description: `files in ${dir}`,
    async send(email) {
      const info = await transporter.sendMail(message(email, from));
      await fs.mkdir(dir, { recursive: true });
      const name = `${fileTimestamp(new Date())}-${email.id}.eml`;
      const file = path.join(dir, name);
      // Written under a temporary name and renamed, so a reader never sees half a message.
      const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
      await fs.writeFile(temp, info.message as Buffer);
      await fs.rename(temp, file);
    },
    close: () => transporter.close(),
  };
}
