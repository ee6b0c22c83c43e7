import type { NextFunction, Request, Response } from "express";
import { sendRefusal } from "./refusal";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The host Remix compares a request's Origin with before any action runs
 * (X-Forwarded-Host first, then Host). Remix throws, a 500, when they differ;
 * refusing here first makes that a 403 like every other cross-site refusal.
 */
function hostRemixChecks(req: Request): string | undefined {
  return req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host") || undefined;
}

// Browsers say where a request came from in Sec-Fetch-Site, and send Origin
// with every POST. Requests with neither (curl, server-to-server) carry no
// ambient cookie risk from a web page, so they pass.
export function isCrossSiteRequest(req: Request): boolean {
  const site = req.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = req.get("origin");
  if (origin === undefined) return false;
  if (origin === "null") return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return true;
  }
  const host = hostRemixChecks(req);
  // Scheme and host, as an origin is both: http://site is not https://site.
  return !host || parsed.host !== host || parsed.protocol !== `${req.protocol}:`;
}

/** Refuses every state-changing request that comes from another site. */
export function crossSiteGuard(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || !isCrossSiteRequest(req)) return next();
  sendRefusal(req, res, 403, "This request came from another website, so it was refused. Go back to the practice bank and try again.");
}
