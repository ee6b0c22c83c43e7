import { getConfig } from "~/lib/config.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { exportResponse, practiceCsv, practiceForExport } from "~/lib/open-data/practice-export.server";

// Every live published entry as a CSV file, one row per entry.
export async function loader({ request }: LoaderFunctionArgs) {
  const entries = await practiceForExport(getDb(), getConfig().APP_URL);
  return exportResponse(practiceCsv(entries), "text/csv; charset=utf-8; header=present", "csv");
}
