import { describe, expect, it } from "vitest";
import raw from "../../db/data/week-of-action-2026.json";
import { loadWeekOfAction } from "../../db/week-of-action";
import { copiedRuns, jsonText } from "../support/article-fingerprint";

describe("the Week of Action data file", () => {
  it("parses into twelve sessions inside 15 to 19 June 2026", () => {
    const { sessions } = loadWeekOfAction();
    expect(sessions).toHaveLength(12);
    expect(new Set(sessions.map((s) => s.slug)).size).toBe(12);
    for (const s of sessions) {
      expect(s.startsAt >= "2026-06-15" && s.endsAt < "2026-06-20").toBe(true);
      expect(Date.parse(s.endsAt) - Date.parse(s.startsAt)).toBe(60 * 60 * 1000);
    }
  });

  it("flags a session whose listed weekday does not match its date", () => {
    const broken = structuredClone(raw);
    broken.sessions[0].listedDay = "Friday";
    const first = loadWeekOfAction(broken).sessions[0];
    expect(first.warnings).toEqual(["Listed as Friday, but 2026-06-15 is a Monday. Check the date with the organisers."]);
  });

  it("refuses a session dated outside the week rather than loading it", () => {
    const broken = structuredClone(raw);
    broken.sessions[0].date = "2026-06-22";
    expect(() => loadWeekOfAction(broken)).toThrow(/outside the week/);
  });

  // Talk titles and names are facts and appear as they are; the article's prose does not.
  it("does not copy the College's article: no run of eight words of its prose is in the data file", () => {
    expect(copiedRuns(jsonText(raw))).toEqual([]);
  });
});
