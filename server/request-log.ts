import type { Request, Response } from "express";
import { pinoHttp } from "pino-http";
import { logger } from "~/lib/logger.server";
import { requestIdOf } from "./request-context";

/** The path without its query string: queries can carry tokens or what people searched for. */
function pathOf(url: string | undefined): string {
  return (url ?? "").split("?")[0];
}

// One line per request: method, path, status, duration, request id and, once
// a session was read, the user's id. Never headers, cookies, bodies or queries.
export const requestLog = pinoHttp<Request, Response>({
  logger,
  genReqId: (_req, res) => requestIdOf(res as Response),
  quietReqLogger: true,
  customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
  customSuccessMessage: (req, res) => `${req.method} ${pathOf(req.originalUrl)} ${res.statusCode}`,
  customErrorMessage: (req, res) => `${req.method} ${pathOf(req.originalUrl)} ${res.statusCode}`,
  customSuccessObject: (_req, res, value: Record<string, unknown>) => ({ ...value, userId: res.locals.userId }),
  customErrorObject: (_req, res, _error, value: Record<string, unknown>) => ({ ...value, userId: res.locals.userId }),
  serializers: {
    req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
    res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    err: (err: { type?: string; message?: string }) => ({ type: err.type, message: err.message }),
  },
});
