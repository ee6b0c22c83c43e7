// Dates and times shown the way UK readers expect (GOV.UK style), always in UK
// local time whatever the server's or browser's time zone.
export const UK_TIME_ZONE = "Europe/London";

// Making an Intl.DateTimeFormat costs about 150 µs, using one about 5 µs:
// a page of twenty results formats dozens of dates, so each kind of format
// is made once and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", options);
    formatters.set(key, f);
  }
  return f;
}

function parts(date: Date, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter({ timeZone: UK_TIME_ZONE, ...options }).formatToParts(date)) {
    out[p.type] = p.value;
  }
  return out;
}

/** "10am", "2:30pm", "midday", "midnight" */
export function formatUkClock(iso: string): string {
  const p = parts(new Date(iso), { hour: "numeric", minute: "2-digit", hourCycle: "h23" });
  const hour = Number(p.hour);
  const minute = p.minute === "00" ? "" : `:${p.minute}`;
  if (hour === 12 && !minute) return "midday";
  if (hour === 0 && !minute) return "midnight";
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}${minute}${hour < 12 ? "am" : "pm"}`;
}

/** "10am to 11am" */
export function formatUkTimeRange(startIso: string, endIso: string): string {
  return `${formatUkClock(startIso)} to ${formatUkClock(endIso)}`;
}

/** "Monday 15 June 2026" */
export function formatUkDate(iso: string, { weekday = true, year = true } = {}): string {
  const p = parts(new Date(iso), { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return [weekday ? p.weekday : null, p.day, p.month, year ? p.year : null].filter(Boolean).join(" ");
}

/** "Monday 15 June, 10am to 11am": a talk's day and time, the year left out as every talk is in the same week. */
export function formatUkDayAndTime(startIso: string, endIso: string): string {
  return `${formatUkDate(startIso, { year: false })}, ${formatUkTimeRange(startIso, endIso)}`;
}

/** "2026-06-15": the UK calendar day of an instant, for grouping by day. */
export function ukDayKey(iso: string): string {
  const p = parts(new Date(iso), { year: "numeric", month: "2-digit", day: "2-digit" });
  return `${p.year}-${p.month}-${p.day}`;
}

/** "25 November 2026 at 2:03pm" */
export function formatUkDateTime(iso: string): string {
  return `${formatUkDate(iso, { weekday: false })} at ${formatUkClock(iso)}`;
}

/** The weekday name of a calendar date such as "2026-06-17". */
export function weekdayOf(date: string): string {
  return formatter({ weekday: "long", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * The UTC instant of a UK wall-clock time, e.g. ("2026-06-15", "10:00") ->
 * "2026-06-15T09:00:00.000Z" in summer time.
 */
export function ukWallClockToUtc(date: string, time: string): string {
  const naive = new Date(`${date}T${time}:00Z`);
  // The offset of London at (nearly) that instant; correct except in the hour
  // a clock change skips or repeats, which no listing uses.
  const p = parts(naive, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const londonAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  const offsetMs = londonAsUtc - naive.getTime();
  return new Date(naive.getTime() - offsetMs).toISOString();
}
