import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/connection";
import { Client } from "../support/client";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { addUser, TEST_PASSWORD } from "../support/users";

// React escapes these in server-rendered HTML and puts <!-- --> between adjacent text parts.
const decode = (html: string) =>
  html.replace(/<!-- -->/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The value attribute of the first <input> with this name, or null. */
function inputValue(html: string, name: string): string | null {
  const tag = html.match(new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`))?.[0];
  if (!tag) return null;
  return decode(tag.match(/\bvalue="([^"]*)"/)?.[1] ?? "");
}

function isChecked(html: string, name: string, value: string): boolean {
  const tags = html.match(new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`, "g")) ?? [];
  return tags.some((t) => t.includes(`value="${value}"`) && /\bchecked=""/.test(t));
}

const NEW_PASSWORD = "a long initial password";

let server: RunningServer;
let file: string;
let db: DB;
let adminId: number;
let leadId: number;
let sussexId: number;

beforeAll(async () => {
  const fresh = await freshDatabase();
  file = fresh.file;
  adminId = await addUser(fresh.db, "admin@example.test", "admin");
  leadId = await addUser(fresh.db, "lead@example.test", "force_lead", "sussex-police");
  sussexId = (await fresh.db.selectFrom("organisations").select("id").where("slug", "=", "sussex-police").executeTakeFirstOrThrow()).id;
  await fresh.db.destroy();
  server = await startServer({ databasePath: file });
  db = openDatabase(file);
});

afterAll(async () => {
  await db?.destroy();
  await server?.stop();
});

async function signedInAdmin() {
  const client = new Client(server.url);
  await client.signIn("admin@example.test", TEST_PASSWORD);
  return client;
}

describe("accounts", () => {
  it("lists accounts with name, email, role, organisation and status", async () => {
    const admin = await signedInAdmin();
    const res = await admin.get("/admin/users");
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain("lead@example.test");
    expect(html).toContain("Sussex Police");
    expect(html).toContain("Force lead");
    expect(html).toContain("Administrator");
    expect(html).toContain("Active");
    expect(html).toContain(`href="/admin/users/${leadId}"`);
  });

  it("creates a force lead who can then sign in with that password", async () => {
    const admin = await signedInAdmin();
    const res = await admin.post("/admin/users/new", {
      name: "Nia Jones",
      email: "Nia.Jones@Example.test",
      role: "force_lead",
      organisationId: String(sussexId),
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(302);
    const row = await db.selectFrom("users").selectAll().where("email", "=", "nia.jones@example.test").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Nia Jones", role: "force_lead", organisation_id: sussexId, disabled_at: null });
    expect(row.password_hash).not.toContain(NEW_PASSWORD);
    expect(res.headers.get("location")).toBe(`/admin/users/${row.id}?saved=created`);

    const detail = await admin.get(`/admin/users/${row.id}?saved=created`);
    const html = decode(await detail.text());
    expect(html).toContain("govuk-notification-banner--success");
    expect(html).toContain("Account created for Nia Jones");

    const audit = await db.selectFrom("admin_audit").selectAll().where("subject", "=", "nia.jones@example.test").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: adminId, action: "created account" });

    const lead = new Client(server.url);
    const signIn = await lead.signIn("nia.jones@example.test", NEW_PASSWORD);
    expect(signIn.headers.get("location")).toBe("/submissions");
    expect((await lead.get("/submissions")).status).toBe(200);
  });

  it("creates a reviewer without an organisation even if one was chosen", async () => {
    const admin = await signedInAdmin();
    const res = await admin.post("/admin/users/new", {
      name: "Rae Khan",
      email: "rae@example.test",
      role: "reviewer",
      organisationId: String(sussexId),
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(302);
    const row = await db.selectFrom("users").selectAll().where("email", "=", "rae@example.test").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: "reviewer", organisation_id: null });
  });

  it("refuses an invalid form with 400, every message, and the typed values kept (but not the password)", async () => {
    const admin = await signedInAdmin();
    const before = await db.selectFrom("users").select("id").execute();
    const res = await admin.post("/admin/users/new", {
      name: "Jo Bloggs",
      email: "not-an-email",
      role: "force_lead",
      organisationId: "",
      password: "short-pw",
    });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("There is a problem");
    expect(html).toContain("Enter an email address in the correct format, like name@example.police.uk");
    expect(html).toContain("Choose the force lead's organisation");
    expect(html).toContain("The password must be at least 12 characters");
    expect(html).toContain('href="#organisationId"');
    expect(inputValue(html, "name")).toBe("Jo Bloggs");
    expect(inputValue(html, "email")).toBe("not-an-email");
    expect(isChecked(html, "role", "force_lead")).toBe(true);
    expect(html).not.toContain("short-pw");
    expect(await db.selectFrom("users").select("id").execute()).toHaveLength(before.length);
  });

  it("asks for a name and a role when they are missing", async () => {
    const admin = await signedInAdmin();
    const res = await admin.post("/admin/users/new", { name: "  ", email: "x@example.test", password: NEW_PASSWORD });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("Enter the person's full name");
    expect(html).toContain("Choose a role");
    expect(inputValue(html, "email")).toBe("x@example.test");
  });

  it("refuses a duplicate email address, whatever its case, as a field error", async () => {
    const admin = await signedInAdmin();
    const res = await admin.post("/admin/users/new", {
      name: "Another Lead",
      email: "LEAD@example.test",
      role: "force_lead",
      organisationId: String(sussexId),
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("An account with this email address already exists");
    expect(html).toContain('href="#email"');
    expect(inputValue(html, "name")).toBe("Another Lead");
    const rows = await db.selectFrom("users").select(["name"]).where("email", "=", "lead@example.test").execute();
    expect(rows).toEqual([{ name: "lead" }]);
  });

  it("refuses an organisation that is not accepting new entries", async () => {
    const admin = await signedInAdmin();
    const org = await db.insertInto("organisations")
      .values({ slug: "closed-unit", name: "Closed Unit", kind: "national_unit", region: "National", active: 0 })
      .returning("id").executeTakeFirstOrThrow();
    const res = await admin.post("/admin/users/new", {
      name: "Closed Lead",
      email: "closed@example.test",
      role: "force_lead",
      organisationId: String(org.id),
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(400);
    expect(decode(await res.text())).toContain("Choose an organisation from the list");
    expect(await db.selectFrom("users").select("id").where("email", "=", "closed@example.test").executeTakeFirst()).toBeUndefined();
  });

  it("shows an account's details with a disable button", async () => {
    const admin = await signedInAdmin();
    const res = await admin.get(`/admin/users/${leadId}`);
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain("lead@example.test");
    expect(html).toContain("Sussex Police");
    expect(html).toContain("Disable account");
    expect(inputValue(html, "change")).toBe("disable");
  });

  it("disabling an account signs that person out everywhere and stops them signing in; enabling lets them back", async () => {
    const lead = new Client(server.url);
    await lead.signIn("lead@example.test", TEST_PASSWORD);
    expect((await lead.get("/submissions")).status).toBe(200);

    const admin = await signedInAdmin();
    const res = await admin.post(`/admin/users/${leadId}`, { change: "disable" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/admin/users/${leadId}?saved=disabled`);

    const row = await db.selectFrom("users").select("disabled_at").where("id", "=", leadId).executeTakeFirstOrThrow();
    expect(row.disabled_at).not.toBeNull();
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", leadId).execute()).toHaveLength(0);

    // The cookie the lead already had no longer works.
    const after = await lead.get("/submissions");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login\?redirectTo=%2Fsubmissions/);

    // And they cannot sign in again.
    const again = await new Client(server.url).post("/login", { email: "lead@example.test", password: TEST_PASSWORD });
    expect(again.status).toBe(401);

    const page = decode(await (await admin.get(`/admin/users/${leadId}?saved=disabled`)).text());
    expect(page).toContain("account has been disabled");
    expect(page).toContain("Enable account");

    const audit = await db.selectFrom("admin_audit").select(["action", "actor_id"]).where("subject", "=", "lead@example.test").execute();
    expect(audit).toEqual([{ action: "disabled account", actor_id: adminId }]);

    const enable = await admin.post(`/admin/users/${leadId}`, { change: "enable" });
    expect(enable.status).toBe(302);
    expect((await db.selectFrom("users").select("disabled_at").where("id", "=", leadId).executeTakeFirstOrThrow()).disabled_at).toBeNull();
    await new Client(server.url).signIn("lead@example.test", TEST_PASSWORD);
  });

  it("will not let an admin disable their own account", async () => {
    const admin = await signedInAdmin();
    const page = decode(await (await admin.get(`/admin/users/${adminId}`)).text());
    expect(page).toContain("This is your account");
    expect(page).not.toContain("Disable account");

    const res = await admin.post(`/admin/users/${adminId}`, { change: "disable" });
    expect(res.status).toBe(400);
    expect(decode(await res.text())).toContain("You cannot disable your own account");
    const row = await db.selectFrom("users").select("disabled_at").where("id", "=", adminId).executeTakeFirstOrThrow();
    expect(row.disabled_at).toBeNull();
    expect((await admin.get("/admin")).status).toBe(200);
    expect(await db.selectFrom("admin_audit").select("id").where("subject", "=", "admin@example.test").execute()).toHaveLength(0);
  });

  it("answers 404 for ids that are not numbers or not accounts", async () => {
    const admin = await signedInAdmin();
    for (const path of ["/admin/users/abc", "/admin/users/0", "/admin/users/99999", "/admin/users/1e3", "/admin/users/99999999999999999999"]) {
      expect((await admin.get(path)).status, path).toBe(404);
    }
    expect((await admin.post("/admin/users/99999", { change: "disable" })).status).toBe(404);
  });
});
