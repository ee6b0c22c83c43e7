import { afterEach, describe, expect, it, vi } from "vitest";
import type { DB } from "../../db/connection";
import { createMailTransport } from "../../app/lib/mail/transport.server";
import { deliverDueEmails } from "../../app/lib/mail/worker.server";
import { enqueueEmail, getEmail } from "../../app/models/email-outbox.server";
import { memoryDatabase } from "../support/database";
import { startSmtpPeer } from "../support/smtp-peer";

const USER = "mailer@practice-bank";
const PASS = "p@ss:w/rd with spaces";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (cleanup.length) await cleanup.pop()!();
});

async function startSmtp({ rejectRecipient }: { rejectRecipient?: string } = {}) {
  const peer = await startSmtpPeer({ user: USER, pass: PASS, rejectRecipient });
  cleanup.push(peer.close);
  return peer;
}

async function database(): Promise<DB> {
  const db = await memoryDatabase({ seed: false });
  cleanup.push(() => db.destroy());
  return db;
}

function headersOf(raw: string) {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
  return head.replace(/\r\n[ \t]+/g, " ").split("\r\n");
}

function smtpUrl(port: number, user = USER, pass = PASS) {
  return `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`;
}

describe("delivery through SMTP", () => {
  it("signs in with the credentials in SMTP_URL and delivers the message with the right envelope and headers", async () => {
    const { port, received } = await startSmtp();
    const db = await database();
    const transport = createMailTransport({ smtpUrl: smtpUrl(port), from: "Practice bank <no-reply@practice-bank.example>" });
    cleanup.push(async () => transport.close());
    expect(transport.kind).toBe("smtp");
    expect(transport.description).toBe(`SMTP server 127.0.0.1:${port}`);
    expect(transport.description).not.toContain("p@ss");

    const id = await enqueueEmail(db, {
      to: "sam.patel@sussex.police.example",
      subject: "Changes requested - Neighbourhood policing practice bank",
      text: "Hello Sam,\n\nA reviewer asked for changes.\n",
    });
    expect(await deliverDueEmails(db, transport)).toEqual({ attempted: 1, sent: 1, retrying: 0, failed: 0 });

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.user).toBe(USER);
    expect(mail.mailFrom).toBe("no-reply@practice-bank.example");
    expect(mail.rcptTo).toEqual(["sam.patel@sussex.police.example"]);
    const headers = headersOf(mail.raw);
    expect(headers).toContain("From: Practice bank <no-reply@practice-bank.example>");
    expect(headers).toContain("To: sam.patel@sussex.police.example");
    expect(headers).toContain("Subject: Changes requested - Neighbourhood policing practice bank");
    expect(headers).toContain("Auto-Submitted: auto-generated");
    expect(headers.some((h) => new RegExp(`^Message-ID: <outbox-${id}-\\d+@practice-bank\\.example>$`).test(h))).toBe(true);
    expect(mail.raw.slice(mail.raw.indexOf("\r\n\r\n") + 4)).toContain("Hello Sam,\r\n\r\nA reviewer asked for changes.");
    expect(await getEmail(db, id)).toMatchObject({ status: "sent", attempts: 1, last_error: null });
  });

  it("keeps the row for a retry, with the server's answer, when the server refuses the message", async () => {
    const { port, received } = await startSmtp({ rejectRecipient: "gone@example.org" });
    const db = await database();
    const transport = createMailTransport({ smtpUrl: smtpUrl(port) });
    cleanup.push(async () => transport.close());
    vi.spyOn(console, "error").mockImplementation(() => {});

    const gone = await enqueueEmail(db, { to: "gone@example.org", subject: "Hello", text: "Hello" });
    const fine = await enqueueEmail(db, { to: "fine@example.org", subject: "Hello", text: "Hello" });
    expect(await deliverDueEmails(db, transport)).toEqual({ attempted: 2, sent: 1, retrying: 1, failed: 0 });
    const row = await getEmail(db, gone);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.last_error).toMatch(/550/);
    expect(await getEmail(db, fine)).toMatchObject({ status: "sent" });
    expect(received.map((r) => r.rcptTo)).toEqual([["fine@example.org"]]);
  });

  it("records wrong credentials as a failed attempt without putting the password in the error", async () => {
    const { port, received } = await startSmtp();
    const db = await database();
    const transport = createMailTransport({ smtpUrl: smtpUrl(port, USER, "wrong-secret-password") });
    cleanup.push(async () => transport.close());
    vi.spyOn(console, "error").mockImplementation(() => {});

    const id = await enqueueEmail(db, { to: "a@example.org", subject: "Hello", text: "Hello" });
    expect(await deliverDueEmails(db, transport)).toMatchObject({ attempted: 1, retrying: 1 });
    const row = await getEmail(db, id);
    expect(row!.last_error).toMatch(/535|auth|login/i);
    expect(row!.last_error).not.toContain("wrong-secret-password");
    expect(received).toEqual([]);
  });
});
