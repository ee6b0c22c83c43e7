import { createRequestHandler } from "@remix-run/express";
import * as build from "@remix-run/dev/server-build";
import express from "express";
import { closeDb, getDb } from "~/db.server";
import { getConfig } from "~/lib/config.server";
import { prepareDatabase } from "../db/prepare";
import { bodyLimit } from "./body-limit";
import { crossSiteGuard } from "./cross-site-guard";
import { cspNonce, securityHeaders } from "./security-headers";

const config = getConfig();

await prepareDatabase(getDb(), { demo: !config.isProduction });

const app = express();
app.disable("x-powered-by");
if (config.TRUST_PROXY) app.set("trust proxy", config.TRUST_PROXY);

app.use(cspNonce, securityHeaders);
app.use(crossSiteGuard, bodyLimit);

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

// React Router cannot match a parameter with a suffix (":slug.ics"), so the
// public calendar address is mapped onto the route that serves it.
app.get(/^\/week-of-action\/([a-z0-9-]+)\.ics$/, (req, _res, next) => {
  req.url = req.originalUrl = `/week-of-action/${req.params[0]}/calendar.ics`;
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  console.info(`Practice bank listening on http://${config.HOST === "127.0.0.1" ? "localhost" : config.HOST}:${port}`);
});

function shutdown() {
  server.close(() => {
    void closeDb().finally(() => process.exit(0));
  });
  // Keep-alive connections would otherwise hold the process open.
  server.closeAllConnections();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
