import pino from "pino";
import { getConfig } from "~/lib/config.server";

// One structured log, as JSON lines on standard output. Nothing that can hold
// a secret is ever given to it: requests are logged by method and path only
// (server/request-log.ts), and errors by their message and stack.
export const logger = pino({
  level: getConfig().LOG_LEVEL,
  base: { service: "practice-bank" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["password", "*.password", "token", "*.token", "cookie", "*.cookie", "headers"], remove: true },
});
