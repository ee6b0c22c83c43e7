import type { NextFunction, Request, Response } from "express";

// Forms here are text; the largest legitimate one (a full practice entry with
// its rich-text sections) is well under this. Bigger bodies are refused before
// anything reads them.
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function bodyLimit(req: Request, res: Response, next: NextFunction) {
  const length = Number(req.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send("What you sent is too large. Shorten it and try again.");
    return;
  }
  next();
}
