import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Browsers say where a request came from in Sec-Fetch-Site; older ones only
// send Origin. Requests with neither (curl, server-to-server) carry no
// ambient cookie risk from a web page, so they pass.
export function isCrossSiteRequest(req: Request): boolean {
  const site = req.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = req.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    return new URL(origin).host !== req.get("host");
  } catch {
    return true;
  }
}

/** Refuses every state-changing request that comes from another site. */
export function crossSiteGuard(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || !isCrossSiteRequest(req)) return next();
  res
    .status(403)
    .type("text/plain")
    .send("This request came from another website, so it was refused. Go back to the practice bank and try again.");
}
