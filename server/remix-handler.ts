import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { requestStore, type RequestFacts } from "~/lib/request-store.server";
import { requestIdOf } from "./request-context";

/**
 * Remix's Express adapter (@remix-run/express), rewritten with three differences that matter here:
 * - the request's address is built on APP_URL, never on the Host header, so
 *   an odd Host cannot make `new URL` throw and no link can point elsewhere;
 * - the body is the one server/body-limit.ts has already read and checked;
 * - each request runs with its facts (id, user) in an AsyncLocalStorage, for
 *   the request log and the error pages.
 */
export function remixHandler({
  build,
  appUrl,
  getLoadContext,
}: {
  build: ServerBuild;
  appUrl: string;
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
}) {
  const handleRequest = createRequestHandler(build, "production");
  return async (req: Request, res: Response, next: NextFunction) => {
    const facts: RequestFacts = { requestId: requestIdOf(res) };
    try {
      const request = remixRequest(req, res, appUrl);
      const response = await requestStore.run(facts, () => handleRequest(request, getLoadContext(req, res)));
      res.locals.userId = facts.userId;
      await sendRemixResponse(res, response);
    } catch (error) {
      res.locals.userId = facts.userId;
      next(error);
    }
  };
}

function remixRequest(req: Request, res: Response, appUrl: string): globalThis.Request {
  const controller = new AbortController();
  // Concatenated, not resolved: "//evil.example/x" stays a path on this site.
  const url = new URL(appUrl + req.originalUrl);
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers: remixHeaders(req.headers),
    signal: controller.signal,
  };
  if (req.method !== "GET" && req.method !== "HEAD") init.body = new Uint8Array(req.rawBody ?? []);
  // Stop loaders and actions once no answer can be sent (closed without finishing).
  let finished = false;
  res.on("finish", () => (finished = true));
  res.on("close", () => {
    if (!finished) controller.abort();
  });
  return new Request(url.href, init);
}

function remixHeaders(incoming: Request["headers"]): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(incoming)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  return headers;
}

async function sendRemixResponse(res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
