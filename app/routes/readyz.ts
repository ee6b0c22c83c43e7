import { getDb } from "~/db.server";
import { checkReadiness } from "~/models/readiness.server";

// Readiness for a load balancer: 200 when the database is reachable, its
// migrations are this version's and it accepts writes; 503 otherwise.
// /healthz stays the liveness check (the process answers at all).
export async function loader() {
  const readiness = await checkReadiness(getDb());
  const { ready, ...checks } = readiness;
  return Response.json({ status: ready ? "ok" : "error", ...checks }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
