import type { NextFunction, Request, Response } from "express";
import { logger } from "~/lib/logger.server";
import { sendRefusal } from "./refusal";
import { requestIdOf } from "./request-context";

const MALFORMED_ADDRESS = "The web address could not be read. If you typed it, check it is correct. If you pasted it, check you copied the whole address.";

/** A path whose percent-encoding is broken (`/practice/%FF`) names no page: a 400, before any route tries to decode it. */
export function refuseMalformedPath(req: Request, res: Response, next: NextFunction) {
  try {
    decodeURIComponent(req.path);
  } catch {
    return sendRefusal(req, res, 400, MALFORMED_ADDRESS);
  }
  next();
}

/**
 * The last resort for anything thrown outside a route's own error handling.
 * The details go to the log under the request's id; the person gets the
 * service's page with that id, and nothing about the server's insides.
 */
export function handleServerError(error: unknown, req: Request, res: Response, next: NextFunction) {
  if (res.headersSent) return next(error);
  const status = typeof (error as { status?: unknown })?.status === "number" ? (error as { status: number }).status : 500;
  const clientError = status >= 400 && status < 500;
  logger[clientError ? "warn" : "error"]({ requestId: requestIdOf(res), err: error }, clientError ? "request refused" : "unhandled error");
  sendRefusal(req, res, clientError ? status : 500);
}
