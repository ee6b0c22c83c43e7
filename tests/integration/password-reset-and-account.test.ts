import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, pageText } from "../support/client";
import { mailDirOf, readEmails, waitForEmail } from "../support/mail";
import { startServer, type RunningServer } from "../support/server";
import { addUser, TEST_PASSWORD } from "../support/users";

let server: RunningServer;
const NEW = "a completely new passphrase";

beforeAll(async () => {
  server = await startServer({ env: { MAIL_WORKER_INTERVAL_MS: "100", TRUST_PROXY: "loopback" } });
  await server.withDb(async (db) => {
    await addUser(db, "forgot@sussex.test", "force_lead", "sussex-police");
    await addUser(db, "changer@sussex.test", "force_lead", "sussex-police");
    await addUser(db, "once@sussex.test", "reviewer");
  });
});
afterAll(async () => {
  await server?.stop();
});

const from = (ip: string) => ({ "X-Forwarded-For": ip });
const linkPath = (link: string | null) => new URL(link!).pathname;

describe("forgot your password", () => {
  it("is linked from the sign-in page", async () => {
    expect(await pageText(await new Client(server.url).get("/login"))).toContain('href="/forgot-password"');
  });

  it("answers the same whether or not the email has an account, and emails a link only to a real one", async () => {
    const known = await new Client(server.url).post("/forgot-password", { email: "Forgot@Sussex.test" }, from("203.0.113.1"));
    const unknown = await new Client(server.url).post("/forgot-password", { email: "nobody@sussex.test" }, from("203.0.113.1"));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string, email: string) => html.replaceAll(email, "EMAIL").replace(/nonce="[^"]+"/g, "");
    expect(strip(await pageText(known), "forgot@sussex.test")).toBe(strip(await pageText(unknown), "nobody@sussex.test"));

    const email = await waitForEmail(mailDirOf(server.databasePath), "forgot@sussex.test", /Reset your password/);
    expect(email.subject).toBe("Reset your password - Neighbourhood policing practice bank");
    expect(email.link).toMatch(new RegExp(`^${server.url}/set-password/`));
    expect(email.html).toContain(`href="${email.link}"`);
    expect(readEmails(mailDirOf(server.databasePath)).some((e) => e.to === "nobody@sussex.test")).toBe(false);
  });

  it("setting the new password ends every session, signs the person in, and the old password stops working; the link works once", async () => {
    const elsewhere = await server.signedIn("forgot@sussex.test");
    expect((await elsewhere.get("/submissions")).status).toBe(200);
    await new Client(server.url).post("/forgot-password", { email: "forgot@sussex.test" }, from("203.0.113.2"));
    const email = await waitForEmail(mailDirOf(server.databasePath), "forgot@sussex.test", /Reset your password/, { skip: 1 });

    const browser = new Client(server.url);
    const page = await pageText(await browser.get(linkPath(email.link)));
    expect(page).toContain("Choose a new password");
    const set = await browser.post(linkPath(email.link), { password: NEW, confirmPassword: NEW });
    expect(set.status).toBe(302);
    expect(set.headers.get("location")).toBe("/submissions");
    expect((await browser.get("/submissions")).status).toBe(200);

    expect((await elsewhere.get("/submissions")).status).toBe(302);
    expect((await new Client(server.url).post("/login", { email: "forgot@sussex.test", password: TEST_PASSWORD })).status).toBe(401);
    expect((await new Client(server.url).post("/login", { email: "forgot@sussex.test", password: NEW })).status).toBe(302);

    const again = await new Client(server.url).post(linkPath(email.link), { password: "yet another passphrase", confirmPassword: "yet another passphrase" });
    expect(again.status).toBe(410);
    expect(await pageText(again)).toContain("This link has already been used");
  });

  it("a reset link expires after an hour", async () => {
    await new Client(server.url).post("/forgot-password", { email: "once@sussex.test" }, from("203.0.113.3"));
    const email = await waitForEmail(mailDirOf(server.databasePath), "once@sussex.test", /Reset your password/);
    const row = await server.withDb((db) =>
      db.selectFrom("account_tokens").innerJoin("users", "users.id", "account_tokens.user_id").select(["account_tokens.created_at", "account_tokens.expires_at", "account_tokens.id"]).where("users.email", "=", "once@sussex.test").executeTakeFirstOrThrow(),
    );
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(60 * 60 * 1000);
    await server.withDb((db) => db.updateTable("account_tokens").set({ expires_at: new Date(Date.now() - 1).toISOString() }).where("id", "=", row.id).execute());
    const res = await new Client(server.url).get(linkPath(email.link));
    expect(res.status).toBe(410);
    const html = await pageText(res);
    expect(html).toContain("This link has expired");
    expect(html).toContain("Links to reset a password work for 1 hour.");
  });

  it("refuses a bad email with the error summary, and limits requests from one address", async () => {
    const bad = await new Client(server.url).post("/forgot-password", { email: "not an email" }, from("203.0.113.9"));
    expect(bad.status).toBe(400);
    expect(await pageText(bad)).toContain("Enter an email address in the correct format");
    const client = new Client(server.url);
    for (let i = 0; i < 10; i++) expect((await client.post("/forgot-password", { email: `x${i}@example.test` }, from("203.0.113.10"))).status).toBe(200);
    const limited = await client.post("/forgot-password", { email: "x@example.test" }, from("203.0.113.10"));
    expect(limited.status).toBe(429);
    expect(await pageText(limited)).toContain("Too many requests from this connection");
  });
});

describe("your account", () => {
  it("shows the person's details and the browsers they are signed in on", async () => {
    const other = await server.signedIn("changer@sussex.test");
    const me = new Client(server.url);
    const res = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ email: "changer@sussex.test", password: TEST_PASSWORD }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin", Origin: server.url, "User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0" },
    });
    me.setCookieHeader(res.headers.getSetCookie()[0].split(";")[0]);
    const html = await pageText(await me.get("/account"));
    expect(html).toContain("changer@sussex.test");
    expect(html).toContain("Sussex Police");
    expect(html).toContain("Firefox on Windows");
    expect(html).toContain("This browser");
    expect(html).toContain("Sign out of all other browsers");

    const out = await me.post("/account", { intent: "sign-out-others" });
    expect(out.headers.get("location")).toBe("/account?saved=signed-out-others");
    expect((await other.get("/submissions")).status).toBe(302);
    expect((await me.get("/submissions")).status).toBe(200);
    expect(await pageText(await me.get("/account"))).toContain("You are not signed in anywhere else");
  });

  it("changes the password only with the current one, ending the other sessions and keeping this one", async () => {
    const other = await server.signedIn("changer@sussex.test");
    const me = await server.signedIn("changer@sussex.test");
    const wrong = await me.post("/account", { intent: "change-password", currentPassword: "not it at all", password: NEW, confirmPassword: NEW });
    expect(wrong.status).toBe(400);
    const wrongHtml = await pageText(wrong);
    expect(wrongHtml).toContain("There is a problem");
    expect(wrongHtml).toContain("Your current password is wrong");

    const common = await me.post("/account", { intent: "change-password", currentPassword: TEST_PASSWORD, password: "1q2w3e4r5t6y", confirmPassword: "1q2w3e4r5t6y" });
    expect(common.status).toBe(400);
    expect(await pageText(common)).toContain("on a list of passwords that are used often or have been leaked");

    const ok = await me.post("/account", { intent: "change-password", currentPassword: TEST_PASSWORD, password: NEW, confirmPassword: NEW });
    expect(ok.headers.get("location")).toBe("/account?saved=password-changed");
    expect((await me.get("/submissions")).status).toBe(200);
    expect((await other.get("/submissions")).status).toBe(302);
    expect((await new Client(server.url).post("/login", { email: "changer@sussex.test", password: NEW })).status).toBe(302);
  });

  it("sends visitors to sign in", async () => {
    const res = await new Client(server.url).get("/account");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Faccount");
  });
});
