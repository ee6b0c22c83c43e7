import { z } from "zod";
import { ukWallClockToUtc, weekdayOf } from "../app/lib/uk-time";
import raw from "./data/week-of-action-2026.json";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = z.string().regex(/^\d{2}:\d{2}$/);

const fileSchema = z.object({
  event: z.object({ name: z.string(), timeZone: z.literal("Europe/London"), firstDay: day, lastDay: day }).passthrough(),
  sessions: z
    .array(
      z.object({
        slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        title: z.string().min(1),
        summary: z.string(),
        date: day,
        listedDay: z.string(),
        start: clock,
        end: clock,
        speakers: z.array(z.object({ name: z.string().min(1), role: z.string(), organisation: z.string() })).min(1),
        tags: z.array(z.string()),
        bookingUrl: z.string().url().optional(),
        relatedDates: z.array(z.object({ what: z.string(), date: day, listedDay: z.string(), note: z.string() })).optional(),
      }),
    )
    .length(12),
});

export interface WeekSession {
  slug: string;
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  listedDay: string;
  bookingUrl: string | null;
  speakers: { name: string; role: string; organisation: string }[];
  tags: string[];
  warnings: string[];
}

// Checks every weekday the source printed against the calendar, so a wrong
// one reaches an admin as a warning instead of being silently corrected.
function dateWarnings(s: z.infer<typeof fileSchema>["sessions"][number]): string[] {
  const warnings: string[] = [];
  const actual = weekdayOf(s.date);
  if (actual !== s.listedDay) {
    warnings.push(`Listed as ${s.listedDay}, but ${s.date} is a ${actual}. Check the date with the organisers.`);
  }
  for (const related of s.relatedDates ?? []) {
    const relatedActual = weekdayOf(related.date);
    if (relatedActual !== related.listedDay) {
      warnings.push(
        `${related.what}: the source says ${related.listedDay} ${related.date.slice(8).replace(/^0/, "")} June, ` +
          `but ${related.date} is a ${relatedActual}. ${related.note}`,
      );
    }
  }
  return warnings;
}

export function loadWeekOfAction(data: unknown = raw): { name: string; sessions: WeekSession[] } {
  const file = fileSchema.parse(data);
  const sessions = file.sessions.map((s) => {
    if (s.date < file.event.firstDay || s.date > file.event.lastDay) {
      throw new Error(`Session ${s.slug} is dated ${s.date}, outside the week`);
    }
    return {
      slug: s.slug,
      title: s.title,
      summary: s.summary,
      startsAt: ukWallClockToUtc(s.date, s.start),
      endsAt: ukWallClockToUtc(s.date, s.end),
      listedDay: s.listedDay,
      bookingUrl: s.bookingUrl ?? null,
      speakers: s.speakers,
      tags: s.tags,
      warnings: dateWarnings(s),
    };
  });
  return { name: file.event.name, sessions };
}
