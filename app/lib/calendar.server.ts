import ICAL from "ical.js";
import type { EventSessionView } from "~/models/event-session.server";

// RFC 5545 caps a line at 75 octets. ical.js does not count the space that
// starts a folded continuation line, so its limit is set one lower.
ICAL.foldLength = 74;

// A stable UID per session, independent of the host serving it, so that
// importing the same session twice updates one calendar event, not two.
export function sessionUid(slug: string) {
  return `${slug}@week-of-action-2026.practice-bank`;
}

function utc(iso: string) {
  return ICAL.Time.fromJSDate(new Date(iso), true);
}

function speakerLine(s: EventSessionView["speakers"][number]) {
  return [s.name, s.role, s.organisation].filter(Boolean).join(", ");
}

function toEvent(session: EventSessionView, origin: string) {
  const vevent = new ICAL.Component("vevent");
  const event = new ICAL.Event(vevent);
  event.uid = sessionUid(session.slug);
  event.summary = session.title;
  event.startDate = utc(session.startsAt);
  event.endDate = utc(session.endsAt);
  event.location = "Online (Microsoft Teams)";
  const page = `${origin}/week-of-action/${session.slug}`;
  event.description = [
    session.summary,
    `Speakers: ${session.speakers.map(speakerLine).join("; ")}`,
    session.bookingUrl ? `Book a place: ${session.bookingUrl}` : null,
    session.recordingUrl ? `Recording: ${session.recordingUrl}` : null,
    `Details: ${page}`,
  ]
    .filter(Boolean)
    .join("\n");
  vevent.addPropertyWithValue("url", page);
  vevent.addPropertyWithValue("dtstamp", utc(session.updatedAt));
  return vevent;
}

export function calendarFor(sessions: EventSessionView[], origin: string, name: string): string {
  const calendar = new ICAL.Component(["vcalendar", [], []]);
  calendar.updatePropertyWithValue("prodid", "-//Neighbourhood policing practice bank//Week of Action 2026//EN");
  calendar.updatePropertyWithValue("version", "2.0");
  calendar.updatePropertyWithValue("calscale", "GREGORIAN");
  calendar.updatePropertyWithValue("method", "PUBLISH");
  calendar.updatePropertyWithValue("x-wr-calname", name);
  for (const session of sessions) calendar.addSubcomponent(toEvent(session, origin));
  return `${calendar.toString()}\r\n`;
}

export function calendarResponse(body: string, filename: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
