import { getConfig } from "~/lib/config.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { calendarFor, calendarResponse } from "~/lib/calendar.server";
import { getEventSessionBySlug } from "~/models/event-session.server";

// Served at /week-of-action/<slug>.ics (the server maps that address here).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getEventSessionBySlug(getDb(), params.slug ?? "");
  if (!session) throw new Response("No session has that address.", { status: 404 });
  const body = calendarFor([session], getConfig().APP_URL, session.title);
  return calendarResponse(body, `${session.slug}.ics`);
}
