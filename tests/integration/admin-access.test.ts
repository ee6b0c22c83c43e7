import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/connection";
import { Client } from "../support/client";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { addUser, TEST_PASSWORD } from "../support/users";

let server: RunningServer;
let file: string;
let db: DB;
let leadId: number;
let reviewerId: number;
let orgId: number;
let tagId: number;
let sessionId: number;

beforeAll(async () => {
  const fresh = await freshDatabase();
  file = fresh.file;
  await addUser(fresh.db, "admin@example.test", "admin");
  leadId = await addUser(fresh.db, "lead@example.test", "force_lead", "sussex-police");
  reviewerId = await addUser(fresh.db, "reviewer@example.test", "reviewer");
  orgId = (await fresh.db.selectFrom("organisations").select("id").where("slug", "=", "sussex-police").executeTakeFirstOrThrow()).id;
  tagId = (await fresh.db.selectFrom("tags").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  sessionId = (await fresh.db.selectFrom("event_sessions").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  await fresh.db.destroy();
  server = await startServer({ databasePath: file });
  db = openDatabase(file);
});

afterAll(async () => {
  await db?.destroy();
  await server?.stop();
});

function pages() {
  return [
    "/admin",
    "/admin/users",
    "/admin/users/new",
    `/admin/users/${leadId}`,
    "/admin/organisations",
    "/admin/organisations/new",
    `/admin/organisations/${orgId}`,
    "/admin/tags",
    "/admin/tags/new",
    `/admin/tags/${tagId}`,
    "/admin/sessions",
    `/admin/sessions/${sessionId}`,
  ];
}

// Valid forms: had the sender been an admin, each would have changed something.
function posts(): [string, Record<string, string | string[]>][] {
  return [
    ["/admin/users/new", { name: "Intruder", email: "intruder@example.test", role: "admin", password: "a long enough password" }],
    [`/admin/users/${reviewerId}`, { change: "disable" }],
    [`/admin/users/${leadId}`, { change: "disable" }],
    ["/admin/organisations/new", { name: "Made Up Police", kind: "territorial_force", region: "Wales", active: "on" }],
    [`/admin/organisations/${orgId}`, { name: "Renamed Police", kind: "partner", region: "Nowhere" }],
    ["/admin/tags/new", { label: "Made up tag", synonyms: "made up", active: "on" }],
    [`/admin/tags/${tagId}`, { label: "Renamed tag", synonyms: "renamed" }],
    [`/admin/sessions/${sessionId}`, { title: "Hijacked", recordingUrl: "https://evil.example/recording", tagIds: [] }],
  ];
}

/** Every table an admin screen can change, in full (login sessions left out: signing in writes to them). */
async function snapshot() {
  return {
    users: await db.selectFrom("users").selectAll().orderBy("id").execute(),
    organisations: await db.selectFrom("organisations").selectAll().orderBy("id").execute(),
    tags: await db.selectFrom("tags").selectAll().orderBy("id").execute(),
    synonyms: await db.selectFrom("tag_synonyms").selectAll().orderBy("id").execute(),
    eventSessions: await db.selectFrom("event_sessions").selectAll().orderBy("id").execute(),
    eventSessionTags: await db.selectFrom("event_session_tags").selectAll().orderBy("event_session_id").orderBy("tag_id").execute(),
    audit: await db.selectFrom("admin_audit").selectAll().orderBy("id").execute(),
  };
}

describe("administration is for admins only", () => {
  for (const [email, label] of [
    ["lead@example.test", "a force lead"],
    ["reviewer@example.test", "a reviewer"],
  ] as const) {
    it(`${label} gets 403 on every admin page and every admin POST, and nothing changes`, async () => {
      const client = new Client(server.url);
      await client.signIn(email, TEST_PASSWORD);
      const before = await snapshot();
      for (const path of pages()) {
        const res = await client.get(path);
        expect(res.status, `GET ${path}`).toBe(403);
        expect(await res.text()).toContain("You do not have permission to see this page");
      }
      for (const [path, form] of posts()) {
        expect((await client.post(path, form)).status, `POST ${path}`).toBe(403);
      }
      expect(await snapshot()).toEqual(before);
      // Still signed in: a 403 is not a sign-out.
      expect(await db.selectFrom("sessions").select("id").where("user_id", "=", email.startsWith("lead") ? leadId : reviewerId).execute()).not.toHaveLength(0);
    });
  }

  it("someone not signed in is sent to sign in from every admin page and POST, and nothing changes", async () => {
    const anonymous = new Client(server.url);
    const before = await snapshot();
    for (const path of pages()) {
      const res = await anonymous.get(path);
      expect(res.status, `GET ${path}`).toBe(302);
      expect(res.headers.get("location"), `GET ${path}`).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    for (const [path, form] of posts()) {
      const res = await anonymous.post(path, form);
      expect(res.status, `POST ${path}`).toBe(302);
      expect(res.headers.get("location"), `POST ${path}`).toMatch(/^\/login\?redirectTo=/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a non-admin gets 403, not 404, for ids that do not exist (nothing is revealed)", async () => {
    const client = new Client(server.url);
    await client.signIn("reviewer@example.test", TEST_PASSWORD);
    for (const path of ["/admin/users/99999", "/admin/tags/abc", "/admin/sessions/99999"]) {
      expect((await client.get(path)).status, path).toBe(403);
    }
  });

  it("an admin gets 404 for malformed or unknown ids on every detail page", async () => {
    const admin = new Client(server.url);
    await admin.signIn("admin@example.test", TEST_PASSWORD);
    for (const section of ["users", "organisations", "tags", "sessions"]) {
      for (const id of ["abc", "12a", "0", "-1", "99999"]) {
        expect((await admin.get(`/admin/${section}/${id}`)).status, `/admin/${section}/${id}`).toBe(404);
      }
      expect((await admin.post(`/admin/${section}/99999`, {})).status, `POST /admin/${section}/99999`).toBe(404);
    }
    for (const path of pages()) expect((await admin.get(path)).status, path).toBe(200);
  });

  // Run last: it proves the forms above were real changes that the guard stopped.
  it("the same POSTs from an admin succeed", async () => {
    const admin = new Client(server.url);
    await admin.signIn("admin@example.test", TEST_PASSWORD);
    const before = await snapshot();
    for (const [path, form] of posts()) {
      expect((await admin.post(path, form)).status, `POST ${path}`).toBe(302);
    }
    const after = await snapshot();
    expect(after.users.length).toBe(before.users.length + 1);
    expect(after.users.find((u) => u.id === leadId)?.disabled_at).not.toBeNull();
    expect(after.organisations.find((o) => o.id === orgId)?.name).toBe("Renamed Police");
    expect(after.eventSessions.find((e) => e.id === sessionId)?.recording_url).toBe("https://evil.example/recording");
    expect(after.audit).toHaveLength(posts().length);
  });
});
