import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.stop());

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("calendar downloads", () => {
  it("one session: a valid event at the right UTC instants for BST, with a stable UID", async () => {
    const res = await fetch(`${server.url}/week-of-action/operation-stop-gps-tagging-shop-theft.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain('filename="operation-stop-gps-tagging-shop-theft.ics"');
    const text = await res.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toMatch(/\r\nEND:VCALENDAR\r\n$/);
    expect(text).toContain("DTSTART:20260617T110000Z");
    expect(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);

    const [event] = events(text);
    expect(event.summary).toBe("Operation STOP: using GPS tagging to reduce persistent shop theft in Sussex");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-06-17T11:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-06-17T12:00:00.000Z");
    expect(event.uid).toBe("operation-stop-gps-tagging-shop-theft@week-of-action-2026.practice-bank");
    expect(event.description).toContain("Martin Harmer, Detective Inspector, Sussex Police");

    const again = events(await (await fetch(`${server.url}/week-of-action/operation-stop-gps-tagging-shop-theft.ics`)).text());
    expect(again[0].uid).toBe(event.uid);
  });

  it("the whole week: twelve events, each UID the same as in its own file", async () => {
    const week = events(await (await fetch(`${server.url}/week-of-action.ics`)).text());
    expect(week).toHaveLength(12);
    expect(new Set(week.map((e) => e.uid)).size).toBe(12);
    const first = week.find((e) => e.summary.startsWith("Problem-solving serious violence"))!;
    expect(first.startDate.toJSDate().toISOString()).toBe("2026-06-15T09:00:00.000Z");
    const own = events(await (await fetch(`${server.url}/week-of-action/serious-violence-fast-food-restaurants.ics`)).text());
    expect(own[0].uid).toBe(first.uid);
  });

  it("an unknown session's calendar is a 404", async () => {
    expect((await fetch(`${server.url}/week-of-action/nothing-here.ics`)).status).toBe(404);
  });
});
