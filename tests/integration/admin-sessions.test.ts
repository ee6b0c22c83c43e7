import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/connection";
import { Client } from "../support/client";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { addUser, TEST_PASSWORD } from "../support/users";

// React escapes these in server-rendered HTML and puts <!-- --> between adjacent text parts.
const decode = (html: string) =>
  html.replace(/<!-- -->/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function inputValue(html: string, name: string): string | null {
  const tag = html.match(new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`))?.[0];
  if (!tag) return null;
  return decode(tag.match(/\bvalue="([^"]*)"/)?.[1] ?? "");
}

const RECORDING = "https://video.example.org/week-of-action/recording-1?part=2";
const EXTRA_WARNING = "The booking page names a different speaker. Check with the organisers.";

let server: RunningServer;
let file: string;
let db: DB;
let admin: Client;
let plain: { id: number; slug: string; title: string };
let warned: { id: number; slug: string; title: string; warnings: string[] };
let retiredTagId: number;

beforeAll(async () => {
  const fresh = await freshDatabase();
  file = fresh.file;
  await addUser(fresh.db, "admin@example.test", "admin");
  const rows = await fresh.db.selectFrom("event_sessions").select(["id", "slug", "title", "data_warnings"]).orderBy("id").execute();
  const first = rows.find((r) => r.data_warnings === "[]")!;
  plain = { id: first.id, slug: first.slug, title: first.title };
  // The seed flags one listing; give it a second warning so that clearing one and keeping one can be seen.
  const flagged = rows.find((r) => r.data_warnings !== "[]")!;
  const warnings = [...(JSON.parse(flagged.data_warnings) as string[]), EXTRA_WARNING];
  await fresh.db.updateTable("event_sessions").set({ data_warnings: JSON.stringify(warnings) }).where("id", "=", flagged.id).execute();
  warned = { id: flagged.id, slug: flagged.slug, title: flagged.title, warnings };
  // A retired tag linked to the flagged session: it is not offered, and must survive a save.
  const retired = await fresh.db.insertInto("tags").values({ slug: "retired-topic", label: "Retired topic", active: 0 }).returning("id").executeTakeFirstOrThrow();
  retiredTagId = retired.id;
  await fresh.db.insertInto("event_session_tags").values({ event_session_id: flagged.id, tag_id: retiredTagId }).execute();
  await fresh.db.destroy();
  server = await startServer({ databasePath: file });
  db = openDatabase(file);
  admin = new Client(server.url);
  await admin.signIn("admin@example.test", TEST_PASSWORD);
});

afterAll(async () => {
  await db?.destroy();
  await server?.stop();
});

async function tagIdsOf(sessionId: number) {
  const rows = await db.selectFrom("event_session_tags").select("tag_id").where("event_session_id", "=", sessionId).orderBy("tag_id").execute();
  return rows.map((r) => r.tag_id);
}

describe("Week of Action session listings", () => {
  it("lists every session with its UK day and time, recording and a warning tag where facts need checking", async () => {
    const res = await admin.get("/admin/sessions");
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain(plain.title);
    expect(html).toContain("Monday 15 June 2026");
    expect(html).toContain("10am to 11am");
    expect(html).toMatch(/govuk-tag--yellow">2 warnings</);
    expect(html.match(/govuk-tag--yellow/g)).toHaveLength(1);
  });

  it("refuses a javascript: recording link with 400, keeps what was typed, and changes nothing", async () => {
    const before = await db.selectFrom("event_sessions").selectAll().where("id", "=", plain.id).executeTakeFirstOrThrow();
    const tagsBefore = await tagIdsOf(plain.id);
    const res = await admin.post(`/admin/sessions/${plain.id}`, {
      title: "A new title",
      summary: before.summary,
      bookingUrl: "",
      recordingUrl: "javascript:alert(document.cookie)",
      tagIds: tagsBefore.map(String),
    });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("Enter the recording link in the correct format, like https://www.example.org/page");
    expect(html).toContain('href="#recordingUrl"');
    expect(inputValue(html, "title")).toBe("A new title");
    expect(inputValue(html, "recordingUrl")).toBe("javascript:alert(document.cookie)");
    expect(await db.selectFrom("event_sessions").selectAll().where("id", "=", plain.id).executeTakeFirstOrThrow()).toEqual(before);

    // The hint says "starting https://": plain http, IP addresses and local names are refused too.
    for (const bad of ["ftp://example.org/file", "data:text/html,hi", "www.example.org", "https://", "http://example.org/recording", "http://127.0.0.1/x", "https://127.0.0.1/x", "https://localhost/x", "https://[::1]/x"]) {
      const again = await admin.post(`/admin/sessions/${plain.id}`, { title: before.title, recordingUrl: bad });
      expect(again.status, bad).toBe(400);
    }
    expect((await db.selectFrom("event_sessions").select("recording_url").where("id", "=", plain.id).executeTakeFirstOrThrow()).recording_url).toBeNull();
    const publicPage = decode(await (await new Client(server.url).get(`/week-of-action/${plain.slug}`)).text());
    expect(publicPage).not.toContain("javascript:");
  });

  it("saves a recording link and tags, shows a success banner, and the public page links to the recording", async () => {
    const tags = await db.selectFrom("tags").select(["id", "label"]).where("active", "=", 1).orderBy("id").limit(2).execute();
    const res = await admin.post(`/admin/sessions/${plain.id}`, {
      title: plain.title,
      summary: "A short, changed summary.",
      bookingUrl: "https://events.example.org/book/1",
      recordingUrl: RECORDING,
      tagIds: tags.map((t) => String(t.id)),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/admin/sessions?saved=${plain.id}`);

    const row = await db.selectFrom("event_sessions").selectAll().where("id", "=", plain.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ recording_url: RECORDING, booking_url: "https://events.example.org/book/1", summary: "A short, changed summary." });
    expect(await tagIdsOf(plain.id)).toEqual(tags.map((t) => t.id));

    const list = decode(await (await admin.get(`/admin/sessions?saved=${plain.id}`)).text());
    expect(list).toContain(`The listing for ${plain.title} has been saved.`);

    const anonymous = new Client(server.url);
    const page = await anonymous.get(`/week-of-action/${plain.slug}`);
    expect(page.status).toBe(200);
    const html = decode(await page.text());
    expect(html).toContain(`href="${RECORDING}"`);
    expect(html).toContain("Watch the recording");
    expect(html).toContain("A short, changed summary.");
    for (const t of tags) expect(html).toContain(t.label);

    const audit = await db.selectFrom("admin_audit").selectAll().where("action", "=", "updated session listing").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].subject).toBe(plain.title);
    expect(audit[0].detail).toContain(`recording link: ${RECORDING}`);
  });

  it("removing the recording link puts the public page back to 'Not yet available'", async () => {
    const res = await admin.post(`/admin/sessions/${plain.id}`, { title: plain.title, recordingUrl: "  " });
    expect(res.status).toBe(302);
    expect((await db.selectFrom("event_sessions").select("recording_url").where("id", "=", plain.id).executeTakeFirstOrThrow()).recording_url).toBeNull();
    const html = decode(await (await new Client(server.url).get(`/week-of-action/${plain.slug}`)).text());
    expect(html).toContain("Not yet available");
  });

  it("shows each data warning with an 'I have checked this' box; ticked ones are cleared, unticked ones kept", async () => {
    const page = decode(await (await admin.get(`/admin/sessions/${warned.id}`)).text());
    expect(page).toContain("govuk-warning-text");
    for (const w of warned.warnings) expect(page).toContain(w);
    expect(page.match(/I have checked this/g)).toHaveLength(warned.warnings.length);
    // Retired tags are not offered.
    expect(page).not.toContain("Retired topic");

    const activeBefore = (await tagIdsOf(warned.id)).filter((id) => id !== retiredTagId);
    const res = await admin.post(`/admin/sessions/${warned.id}`, {
      title: warned.title,
      tagIds: activeBefore.map(String),
      checkedWarnings: [warned.warnings[0]],
    });
    expect(res.status).toBe(302);
    const row = await db.selectFrom("event_sessions").select("data_warnings").where("id", "=", warned.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.data_warnings)).toEqual([EXTRA_WARNING]);
    // The retired tag's link survives the save.
    expect(await tagIdsOf(warned.id)).toContain(retiredTagId);

    const list = decode(await (await admin.get("/admin/sessions")).text());
    expect(list).toMatch(/govuk-tag--yellow">1 warning</);
    const audit = await db.selectFrom("admin_audit").select("detail").where("subject", "=", warned.title).execute();
    expect(audit.map((a) => a.detail).join()).toContain("cleared 1 data warning");
  });

  it("refuses tags that are not offered and a missing title", async () => {
    const res = await admin.post(`/admin/sessions/${warned.id}`, { title: "", tagIds: ["1"] });
    expect(res.status).toBe(400);
    expect(decode(await res.text())).toContain("Enter the session title");

    const retired = await admin.post(`/admin/sessions/${warned.id}`, { title: warned.title, tagIds: [String(retiredTagId)] });
    expect(retired.status).toBe(400);
    expect(decode(await retired.text())).toContain("Choose topics from the list");
    const unknown = await admin.post(`/admin/sessions/${warned.id}`, { title: warned.title, tagIds: ["99999"] });
    expect(unknown.status).toBe(400);
  });
});
