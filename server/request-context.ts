import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/**
 * A short id for every request, sent back as X-Request-Id, written in the
 * request log and shown on error pages, so a person can quote it and the
 * matching log line can be found. An incoming X-Request-Id is ignored: anyone
 * could send one.
 */
export function requestId(_req: Request, res: Response, next: NextFunction) {
  const id = randomBytes(6).toString("hex");
  res.locals.requestId = id;
  res.setHeader("X-Request-Id", id);
  next();
}

export function requestIdOf(res: Response): string {
  return typeof res.locals.requestId === "string" ? res.locals.requestId : "unknown";
}
