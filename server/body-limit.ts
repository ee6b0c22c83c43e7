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

/** Counts `&`-separated pairs and the longest one in one pass, without decoding anything. */
export function measureUrlencoded(body: Uint8Array): { fields: number; longest: number } {
  let fields = 0;
  let longest = 0;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || body[i] === 0x26 /* & */) {
      const length = i - start;
      if (length > 0) fields++;
      if (length > longest) longest = length;
      start = i + 1;
    }
  }
  return { fields, longest };
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
  let size = 0;
  let refused = false;
  req.on("data", (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      refused = true;
      refuseAndClose(req, res, 413);
      return;
    }
    chunks.push(chunk);
  });
  req.on("error", () => {
    refused = true;
  });
  req.on("end", () => {
    if (refused) return;
    const body = Buffer.concat(chunks);
    const { fields, longest } = measureUrlencoded(body);
    if (fields > MAX_FORM_FIELDS) return sendRefusal(req, res, 413, "This form has far more fields than any form of the practice bank. Reload the page and try again.");
    if (longest > MAX_FIELD_BYTES) return sendRefusal(req, res, 413);
    req.rawBody = body;
    next();
  });
}

// The rest of an oversized body is not worth reading: answer and hang up.
function refuseAndClose(req: Request, res: Response, status: 413 | 415) {
  res.setHeader("Connection", "close");
  sendRefusal(req, res, status);
  res.on("finish", () => req.destroy());
}
