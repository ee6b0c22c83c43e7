import type { NextFunction, Request, Response } from "express";
import { MAX_BODY_BYTES, MAX_FIELD_BYTES, MAX_FORM_FIELDS, MAX_QUERY_PARAMS } from "~/lib/request-limits";
import { sendRefusal } from "./refusal";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const FORM_TYPE = "application/x-www-form-urlencoded";

declare module "express-serve-static-core" {
  interface Request {
    /** The whole request body, read and checked before any route sees it. */
    rawBody?: Buffer;
  }
}

/**
 * Counts `&`-separated pairs and the longest one as the bytes arrive, chunk by
 * chunk, without decoding anything, so a body is refused as soon as it holds
 * more than any form could.
 */
export class UrlencodedMeter {
  fields = 0;
  longest = 0;
  private current = 0;

  add(chunk: Uint8Array) {
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] === 0x26 /* & */) this.endField();
      else this.current++;
    }
    if (this.current > this.longest) this.longest = this.current;
  }

  end() {
    this.endField();
    return this;
  }

  private endField() {
    if (this.current > 0) this.fields++;
    if (this.current > this.longest) this.longest = this.current;
    this.current = 0;
  }
}

export function measureUrlencoded(body: Uint8Array): { fields: number; longest: number } {
  const meter = new UrlencodedMeter();
  meter.add(body);
  return meter.end();
}

function queryParamCount(url: string): number {
  const q = url.indexOf("?");
  if (q < 0) return 0;
  return measureUrlencoded(Buffer.from(url.slice(q + 1), "latin1")).fields;
}

/**
 * Reads every request body in full before anything else runs, refusing what
 * no form of the app could send: too big, too many fields, a field too long,
 * or a type no route accepts. Each check is linear in the body's size, so a
 * hostile body costs no more to refuse than to receive.
 */
export function bodyLimit(req: Request, res: Response, next: NextFunction) {
  if (queryParamCount(req.originalUrl) > MAX_QUERY_PARAMS) {
    return sendRefusal(req, res, 400, "The web address has too many parts. Go back and try again.");
  }
  if (!BODY_METHODS.has(req.method)) return next();

  const declared = Number(req.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return refuseAndClose(req, res, 413);
  const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const hasBody = declared > 0 || req.get("transfer-encoding") !== undefined;
  if (hasBody && type !== FORM_TYPE) return refuseAndClose(req, res, 415);

  const chunks: Buffer[] = [];
  const meter = new UrlencodedMeter();
  let size = 0;
  let refused = false;
  const refuse = (status: 413 | 415, detail?: string) => {
    refused = true;
    refuseAndClose(req, res, status, detail);
  };
  req.on("data", (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    meter.add(chunk);
    if (size > MAX_BODY_BYTES) return refuse(413);
    if (meter.fields > MAX_FORM_FIELDS) return refuse(413, TOO_MANY_FIELDS);
    if (meter.longest > MAX_FIELD_BYTES) return refuse(413);
    chunks.push(chunk);
  });
  req.on("error", () => {
    refused = true;
  });
  req.on("end", () => {
    if (refused) return;
    const { fields } = meter.end();
    if (fields > MAX_FORM_FIELDS) return sendRefusal(req, res, 413, TOO_MANY_FIELDS);
    req.rawBody = Buffer.concat(chunks);
    next();
  });
}

const TOO_MANY_FIELDS = "This form has far more fields than any form of the practice bank. Reload the page and try again.";

// Answered at once. The rest of the body is read and dropped, so the client
// gets to read the answer, then the connection closes; a client that goes on
// sending long after it was answered is cut off.
function refuseAndClose(req: Request, res: Response, status: 413 | 415, detail?: string) {
  res.setHeader("Connection", "close");
  sendRefusal(req, res, status, detail);
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_BODY_BYTES) req.destroy();
  });
  req.resume();
}
