import { getConfig } from "~/lib/config.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { calendarFor, calendarResponse } from "~/lib/calendar.server";
import { listEventSessions } from "~/models/event-session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const sessions = await listEventSessions(getDb());
  const body = calendarFor(sessions, getConfig().APP_URL, "Neighbourhood Policing Week of Action 2026");
  return calendarResponse(body, "week-of-action-2026.ics");
}
