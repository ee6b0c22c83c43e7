import type { Request, Response } from "express";
import { errorText } from "~/lib/error-text";
import { errorPageHtml } from "./error-page";
import { requestIdOf } from "./request-context";

/** Scripts (autosave, fetchers) read JSON; people read the service's own page. */
function wantsJson(req: Request): boolean {
  return req.path.endsWith("/autosave") || req.path.endsWith(".data") || req.path.startsWith("/api/") || (req.get("accept") ?? "").startsWith("application/json");
}

export function sendRefusal(req: Request, res: Response, status: number, detail?: string) {
  if (res.headersSent) return;
  const id = requestIdOf(res);
  res.status(status).setHeader("Cache-Control", "no-store");
  if (wantsJson(req)) {
    const { title, body } = errorText(status, detail);
    res.json({ status: "error", message: `${title}. ${body}`, requestId: id });
  } else {
    res.type("html").send(errorPageHtml(status, id, detail));
  }
}
