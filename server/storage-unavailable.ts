import type { ServerBuild } from "@remix-run/node";
import { logger } from "~/lib/logger.server";
import { currentRequestId } from "~/lib/request-store.server";

// When the database file cannot be written (disk full, read-only, an I/O
// error), a write fails inside SQLite and rolls back whole: nothing is half
// written. This answers such a failure with 503 and a message a person
// understands instead of a generic 500 (README, "Stopping and health checks"):
// pages show it on the service's error page, and the autosave (a resource
// route, read by the editor) gets JSON, so the editor says "Not saved: ..."
// and keeps the text. Reads go on working. Lock timeouts (SQLITE_BUSY) are not
// among these: they are a concurrency problem, not a storage one.

const STORAGE_CODES = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/;
const RETRY_AFTER_SECONDS = "60";

export const STORAGE_UNAVAILABLE_MESSAGE =
  "The practice bank cannot save changes at the moment, so nothing was changed. Everything already saved is safe and can still be read. Go back (your browser keeps what you typed) and try again in a few minutes.";
/** Follows "Not saved: " in the editor's status line. */
export const AUTOSAVE_UNAVAILABLE_MESSAGE = "the practice bank cannot save changes at the moment. Your text is still here";

export function storageFailureCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && STORAGE_CODES.test(code) ? code : undefined;
}

type Handler = (args: never) => unknown;

function answered<F extends Handler | undefined>(handler: F, resource: boolean): F {
  if (!handler) return handler;
  const wrapped = async (args: never) => {
    try {
      return await handler(args);
    } catch (error) {
      const code = storageFailureCode(error);
      if (!code) throw error;
      logger.error({ requestId: currentRequestId(), code, err: error }, `Database cannot be written (${code})`);
      const headers = { "Retry-After": RETRY_AFTER_SECONDS, "Cache-Control": "no-store" };
      if (resource) return Response.json({ status: "error", message: AUTOSAVE_UNAVAILABLE_MESSAGE }, { status: 503, headers });
      throw new Response(STORAGE_UNAVAILABLE_MESSAGE, { status: 503, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
    }
  };
  return wrapped as unknown as F;
}

/** The build with every route's loader and action answering a storage failure with 503. */
export function answeringStorageFailures(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const resource = !route.module.default;
    routes[id] = {
      ...route,
      module: { ...route.module, loader: answered(route.module.loader, resource), action: answered(route.module.action, resource) },
    };
  }
  return { ...build, routes };
}
