import { sql } from "kysely";
import { getDb } from "~/db.server";

export async function loader() {
  try {
    await sql`select 1`.execute(getDb());
    return Response.json({ status: "ok", database: "reachable" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
