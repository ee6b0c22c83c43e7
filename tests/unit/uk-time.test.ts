import { describe, expect, it } from "vitest";
import { formatUkClock, formatUkDate, formatUkTimeRange, ukDayKey, ukWallClockToUtc, weekdayOf } from "../../app/lib/uk-time";

describe("UK time", () => {
  it("turns UK wall-clock times into UTC instants in summer and winter", () => {
    expect(ukWallClockToUtc("2026-06-15", "10:00")).toBe("2026-06-15T09:00:00.000Z");
    expect(ukWallClockToUtc("2026-12-01", "10:00")).toBe("2026-12-01T10:00:00.000Z");
  });

  it("formats times the GOV.UK way", () => {
    expect(formatUkTimeRange("2026-06-15T09:00:00.000Z", "2026-06-15T10:00:00.000Z")).toBe("10am to 11am");
    expect(formatUkTimeRange("2026-06-15T11:00:00.000Z", "2026-06-15T12:00:00.000Z")).toBe("midday to 1pm");
    expect(formatUkClock("2026-06-15T13:30:00.000Z")).toBe("2:30pm");
    expect(formatUkClock("2026-06-14T23:00:00.000Z")).toBe("midnight");
  });

  it("names days in UK time, even when UTC is on the previous day", () => {
    expect(formatUkDate("2026-06-17T11:00:00.000Z")).toBe("Wednesday 17 June 2026");
    expect(ukDayKey("2026-06-14T23:30:00.000Z")).toBe("2026-06-15");
    expect(weekdayOf("2026-06-17")).toBe("Wednesday");
  });
});
