import { getConfig } from "~/lib/config.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { exportResponse, practiceForExport } from "~/lib/open-data/practice-export.server";

// Every live published entry as one JSON document.
export async function loader({ request }: LoaderFunctionArgs) {
  const entries = await practiceForExport(getDb(), getConfig().APP_URL);
  const body = JSON.stringify({ generatedAt: new Date().toISOString(), count: entries.length, entries }, null, 2);
  return exportResponse(body, "application/json; charset=utf-8", "json");
}
