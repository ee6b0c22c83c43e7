import * as build from "@remix-run/dev/server-build";
import compression from "compression";
import cluster from "node:cluster";
import express from "express";
import { closeDb, getDb } from "~/db.server";
import { getConfig } from "~/lib/config.server";
import { startHousekeeping } from "~/lib/housekeeping.server";
import { mailTransportFromConfig } from "~/lib/mail/transport.server";
import { startMailWorker, type MailWorker } from "~/lib/mail/worker.server";
import { prepareDatabase } from "../db/prepare";
import { bodyLimit } from "./body-limit";
import { crossSiteGuard } from "./cross-site-guard";
import { startDatabaseUpkeep } from "./database-upkeep";
import { handleServerError, refuseMalformedPath } from "./error-handling";
import { reportMemoryOnSignal } from "./memory-report";
import { remixHandler } from "./remix-handler";
import { requestId } from "./request-context";
import { requestLog } from "./request-log";
import { cspNonce, securityHeaders } from "./security-headers";
import { stopGracefullyOnSignal } from "./shutdown";
import { answeringStorageFailures } from "./storage-unavailable";
import { superviseWorkers } from "./supervisor";

const config = getConfig();

if (cluster.isPrimary) {
  await prepareDatabase(getDb(), { demo: config.demo });
  startDatabaseUpkeep(config);
}

if (cluster.isPrimary && config.WEB_CONCURRENCY > 1) {
  await closeDb();
  superviseWorkers(config.WEB_CONCURRENCY);
} else {
  serve();
}

function serve() {
  // Sends the email outbox (README, "Email"). MAIL_WORKER=off leaves it queued.
  let mailWorker: MailWorker | undefined;
  if (config.MAIL_WORKER === "on") {
    const transport = mailTransportFromConfig(config);
    if (!config.demo && transport.kind === "file") console.warn(`SMTP_URL is not set: emails are written to ${transport.description}, not sent`);
    console.info(`Mail worker: delivering to ${transport.description}`);
    mailWorker = startMailWorker(getDb(), { intervalMs: config.MAIL_WORKER_INTERVAL_MS, transport });
  }

  const housekeeping = startHousekeeping(getDb());
  const app = express();
  app.disable("x-powered-by");
  if (config.TRUST_PROXY) app.set("trust proxy", config.TRUST_PROXY);

  // Order matters: every request gets an id and a log line first, then the
  // cheap refusals run before anything reads a body or touches the database.
  app.use(requestId, requestLog);
  app.use(cspNonce, securityHeaders);
  app.use(refuseMalformedPath, crossSiteGuard, bodyLimit);
  // Text compresses to a fifth; brotli where the browser accepts it, else gzip.
  app.use(compression({ threshold: 1024 }));

  // Fingerprinted by the build, so they never change under the same name.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  // React Router cannot match a parameter with a suffix (":slug.ics"), so the
  // public calendar address is mapped onto the route that serves it.
  app.get(/^\/week-of-action\/([a-z0-9-]+)\.ics$/, (req, _res, next) => {
    req.url = req.originalUrl = `/week-of-action/${req.params[0]}/calendar.ics`;
    next();
  });

  // app.use, not app.all("*"): Express would decode a "*" parameter and fail
  // on a malformed address before the service's own pages could answer.
  app.use(
    remixHandler({
      build: answeringStorageFailures(build),
      appUrl: config.APP_URL,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        requestId: res.locals.requestId as string,
      }),
    }),
  );
  app.use(handleServerError);

  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    console.info(`Practice bank listening on http://${config.HOST === "127.0.0.1" ? "localhost" : config.HOST}:${port}`);
  });

  stopGracefullyOnSignal(server, [housekeeping], mailWorker);
  reportMemoryOnSignal();
}
