import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/connection";
import { Client, pageText } from "../support/client";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { mailDirOf, waitForEmail } from "../support/mail";
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

const NEW_PASSWORD = "a long chosen password";

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
  server = await startServer({ databasePath: file, env: { MAIL_WORKER_INTERVAL_MS: "100" } });
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

  it("invites a force lead by email; the admin never sets a password, and the person signs in once they have chosen one", async () => {
    const admin = await signedInAdmin();
    const form = decode(await (await admin.get("/admin/users/new")).text());
    expect(form).not.toContain('type="password"');

    const res = await admin.post("/admin/users/new", {
      name: "Nia Jones",
      email: "Nia.Jones@Example.test",
      role: "force_lead",
      organisationId: String(sussexId),
      // Sent by an old page or a hostile client: ignored.
      password: "admin-chosen password",
    });
    expect(res.status).toBe(302);
    const row = await db.selectFrom("users").selectAll().where("email", "=", "nia.jones@example.test").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Nia Jones", role: "force_lead", organisation_id: sussexId, disabled_at: null, password_hash: "" });
    expect(res.headers.get("location")).toBe(`/admin/users/${row.id}?saved=created`);

    const detail = decode(await (await admin.get(`/admin/users/${row.id}?saved=created`)).text());
    expect(detail).toContain("govuk-notification-banner--success");
    expect(detail).toContain("Invitation sent to nia.jones@example.test");
    expect(detail).toContain(">Invited<");
    expect(detail).toContain("The invitation link works until");
    expect(decode(await (await admin.get("/admin/users")).text())).toMatch(/nia\.jones@example\.test.*?Invited/s);

    const audit = await db.selectFrom("admin_audit").selectAll().where("subject", "=", "nia.jones@example.test").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: adminId, action: "invited account", detail: "Force lead, Sussex Police" });

    // Nobody can sign in with the password the admin tried to set, or with none.
    expect((await new Client(server.url).post("/login", { email: "nia.jones@example.test", password: "admin-chosen password" })).status).toBe(401);

    const email = await waitForEmail(mailDirOf(file), "nia.jones@example.test", /invited/);
    expect(email.subject).toBe("You have been invited to the practice bank - Neighbourhood policing practice bank");
    expect(email.link).toMatch(new RegExp(`^${server.url}/set-password/[A-Za-z0-9_-]{43}$`));
    expect(email.html).toContain(`href="${email.link}"`);
    expect(email.text).toContain("It works once, until");

    const lead = new Client(server.url);
    const linkPath = new URL(email.link!).pathname;
    expect(await pageText(await lead.get(linkPath))).toContain("nia.jones@example.test");
    const set = await lead.post(linkPath, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(set.status).toBe(302);
    expect(set.headers.get("location")).toBe("/submissions");
    expect((await lead.get("/submissions")).status).toBe(200);
    expect(decode(await (await admin.get(`/admin/users/${row.id}`)).text())).toContain(">Active<");
    await new Client(server.url).signIn("nia.jones@example.test", NEW_PASSWORD);
  });

  it("sends an invitation again (the old link stops working) or cancels it", async () => {
    const admin = await signedInAdmin();
    await admin.post("/admin/users/new", { name: "Ola Resend", email: "ola@example.test", role: "reviewer" });
    const id = (await db.selectFrom("users").select("id").where("email", "=", "ola@example.test").executeTakeFirstOrThrow()).id;
    const first = await waitForEmail(mailDirOf(file), "ola@example.test", /invited/);

    const again = await admin.post(`/admin/users/${id}`, { change: "resend-invitation" });
    expect(again.headers.get("location")).toBe(`/admin/users/${id}?saved=invitation-sent`);
    const second = await waitForEmail(mailDirOf(file), "ola@example.test", /invited/, { skip: 1 });
    expect(second.link).not.toBe(first.link);
    expect((await new Client(server.url).get(new URL(first.link!).pathname)).status).toBe(404);
    expect((await new Client(server.url).get(new URL(second.link!).pathname)).status).toBe(200);

    await admin.post(`/admin/users/${id}`, { change: "cancel-invitation" });
    expect((await new Client(server.url).get(new URL(second.link!).pathname)).status).toBe(404);
    const page = decode(await (await admin.get(`/admin/users/${id}`)).text());
    expect(page).toContain("The invitation has expired or was cancelled");
    expect(page).toContain("Send the invitation again");
    const actions = await db.selectFrom("admin_audit").select("action").where("subject", "=", "ola@example.test").orderBy("id").execute();
    expect(actions.map((a) => a.action)).toEqual(["invited account", "sent invitation again", "cancelled invitation"]);
    // A password reset is for accounts that have a password.
    expect((await admin.post(`/admin/users/${id}`, { change: "send-reset" })).status).toBe(409);
  });

  it("changes name, email, role and organisation; a new role or organisation signs the person out everywhere", async () => {
    const admin = await signedInAdmin();
    const id = await addUser(db, "mover@example.test", "force_lead", "sussex-police");
    const mover = new Client(server.url);
    await mover.signIn("mover@example.test", TEST_PASSWORD);

    const form = decode(await (await admin.get(`/admin/users/${id}/edit`)).text());
    expect(inputValue(form, "name")).toBe("mover");
    expect(isChecked(form, "role", "force_lead")).toBe(true);

    const rename = await admin.post(`/admin/users/${id}/edit`, { name: "Mo Ver", email: "mo.ver@example.test", role: "force_lead", organisationId: String(sussexId) });
    expect(rename.headers.get("location")).toBe(`/admin/users/${id}?saved=changed`);
    // Same rights: still signed in.
    expect((await mover.get("/submissions")).status).toBe(200);

    const hampshire = await db.selectFrom("organisations").select("id").where("slug", "=", "hampshire-and-isle-of-wight-constabulary").executeTakeFirstOrThrow();
    const move = await admin.post(`/admin/users/${id}/edit`, { name: "Mo Ver", email: "mo.ver@example.test", role: "force_lead", organisationId: String(hampshire.id) });
    expect(move.headers.get("location")).toBe(`/admin/users/${id}?saved=rights-changed`);
    expect((await mover.get("/submissions")).status).toBe(302);
    expect(await db.selectFrom("users").select(["name", "email", "organisation_id"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({
      name: "Mo Ver", email: "mo.ver@example.test", organisation_id: hampshire.id,
    });
    const audit = await db.selectFrom("admin_audit").select(["action", "detail"]).where("subject", "=", "mo.ver@example.test").orderBy("id").execute();
    expect(audit).toHaveLength(2);
    expect(audit[1].detail).toContain("signed out everywhere");

    const taken = await admin.post(`/admin/users/${id}/edit`, { name: "Mo Ver", email: "LEAD@example.test", role: "force_lead", organisationId: String(hampshire.id) });
    expect(taken.status).toBe(400);
    const takenHtml = decode(await taken.text());
    expect(takenHtml).toContain("An account with this email address already exists");
    expect(inputValue(takenHtml, "email")).toBe("LEAD@example.test");

    const ownRole = await admin.post(`/admin/users/${adminId}/edit`, { name: "admin", email: "admin@example.test", role: "reviewer" });
    expect(ownRole.status).toBe(400);
    expect(decode(await ownRole.text())).toContain("You cannot change your own role");
  });

  it("sends a password reset link; the admin never learns the password", async () => {
    const admin = await signedInAdmin();
    const id = await addUser(db, "forgetful@example.test", "reviewer");
    const res = await admin.post(`/admin/users/${id}`, { change: "send-reset" });
    expect(res.headers.get("location")).toBe(`/admin/users/${id}?saved=reset-sent`);
    const email = await waitForEmail(mailDirOf(file), "forgetful@example.test", /Reset your password/);
    expect(email.text).toContain("Choose a new password");
    const set = await new Client(server.url).post(new URL(email.link!).pathname, { password: "a brand new password", confirmPassword: "a brand new password" });
    expect(set.status).toBe(302);
    expect((await new Client(server.url).post("/login", { email: "forgetful@example.test", password: TEST_PASSWORD })).status).toBe(401);
  });

  it("creates a reviewer without an organisation even if one was chosen", async () => {
    const admin = await signedInAdmin();
    const res = await admin.post("/admin/users/new", {
      name: "Rae Khan",
      email: "rae@example.test",
      role: "reviewer",
      organisationId: String(sussexId),
    });
    expect(res.status).toBe(302);
    const row = await db.selectFrom("users").selectAll().where("email", "=", "rae@example.test").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: "reviewer", organisation_id: null });
  });

  it("refuses an invalid form with 400, every message, and the typed values kept", async () => {
    const admin = await signedInAdmin();
    const before = await db.selectFrom("users").select("id").execute();
    const res = await admin.post("/admin/users/new", {
      name: "Jo Bloggs",
      email: "not-an-email",
      role: "force_lead",
      organisationId: "",
    });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("There is a problem");
    expect(html).toContain("Enter an email address in the correct format, like name@example.police.uk");
    expect(html).toContain("Choose the force lead's organisation");
    expect(html).toContain('href="#organisationId"');
    expect(inputValue(html, "name")).toBe("Jo Bloggs");
    expect(inputValue(html, "email")).toBe("not-an-email");
    expect(isChecked(html, "role", "force_lead")).toBe(true);
    expect(await db.selectFrom("users").select("id").execute()).toHaveLength(before.length);
  });

  it("asks for a name and a role when they are missing", async () => {
    const admin = await signedInAdmin();
    const res = await admin.post("/admin/users/new", { name: "  ", email: "x@example.test" });
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
    expect(html).toMatch(/<input[^>]*name="change"[^>]*value="disable"|<input[^>]*value="disable"[^>]*name="change"/);
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
