import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server (smtp-server, by nodemailer's authors) on loopback: the
// message goes through nodemailer's SMTP client and the protocol for real.

export interface Received {
  user?: string;
  mailFrom: string;
  rcptTo: string[];
  raw: string;
}

export interface SmtpPeer {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

export async function startSmtpPeer({
  port = 0,
  user,
  pass,
  rejectRecipient,
}: { port?: number; user?: string; pass?: string; rejectRecipient?: string } = {}): Promise<SmtpPeer> {
  const received: Received[] = [];
  const server = new SMTPServer({
    // Plain text on loopback only: no certificate needed for the test.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: user === undefined,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === rejectRecipient) {
        const err = new Error("Mailbox unavailable") as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          user: session.user as string | undefined,
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
