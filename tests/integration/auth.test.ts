import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { Client } from "../support/client";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { addUser, TEST_PASSWORD } from "../support/users";

let server: RunningServer;

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  await addUser(db, "lead@sussex.test", "force_lead", "sussex-police");
  await addUser(db, "reviewer@college.test", "reviewer");
  await addUser(db, "admin@college.test", "admin");
  await addUser(db, "throttled@sussex.test", "force_lead", "sussex-police");
  await addUser(db, "leaving@sussex.test", "force_lead", "sussex-police");
  await db.destroy();
  // Behind a trusted proxy on loopback, so tests can sign in "from" different
  // addresses; the site's address is HTTPS, as a real deployment's is.
  server = await startServer({ databasePath: file, env: { TRUST_PROXY: "loopback", APP_URL: "https://practice-bank.example.org" } });
});

afterAll(async () => server?.stop());

function db() {
  return openDatabase(server.databasePath);
}

describe("signing in", () => {
  it("lands each role on its own page", async () => {
    for (const [email, landing, heading] of [
      ["lead@sussex.test", "/submissions", "Your organisation&#x27;s entries"],
      ["reviewer@college.test", "/review", "Review queue"],
      ["admin@college.test", "/admin", "Administration"],
    ]) {
      const client = new Client(server.url);
      const res = await client.signIn(email, TEST_PASSWORD);
      expect(new URL(res.headers.get("location")!, server.url).pathname).toBe(landing);
      const page = await client.get(landing);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(heading);
    }
  });

  it("sets an HttpOnly, SameSite=Lax, Secure, __Host- session cookie on an HTTPS site and a new id at each sign-in", async () => {
    const client = new Client(server.url);
    const first = await client.signIn("lead@sussex.test", TEST_PASSWORD);
    const cookie = first.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/^__Host-/);
    const firstValue = client.cookieHeader();
    await client.signIn("lead@sussex.test", TEST_PASSWORD);
    expect(client.cookieHeader()).not.toBe(firstValue);
  });

  it("answers a wrong password and an unknown email with the same message, keeping the email", async () => {
    const client = new Client(server.url);
    const wrong = await client.post("/login", { email: "lead@sussex.test", password: "nope" });
    const unknown = await client.post("/login", { email: "nobody@sussex.test", password: "nope" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain("Email address or password is wrong");
    expect(wrongHtml).toContain('value="lead@sussex.test"');
    expect(await unknown.text()).toContain("Email address or password is wrong");
  });

  it("shows every problem with an empty form in a GOV.UK error summary", async () => {
    const res = await new Client(server.url).post("/login", { email: "", password: "" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain('href="#email"');
    expect(html).toContain('href="#password"');
    expect(html).toContain("Enter your password");
  });

  it("rate-limits guessing per account and address, without blocking the same account elsewhere", async () => {
    const attacker = new Client(server.url);
    const from = { "X-Forwarded-For": "203.0.113.66" };
    for (let i = 0; i < 5; i++) {
      expect((await attacker.post("/login", { email: "throttled@sussex.test", password: `guess-${i}` }, from)).status).toBe(401);
    }
    const blocked = await attacker.post("/login", { email: "throttled@sussex.test", password: TEST_PASSWORD }, from);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Too many attempts to sign in");

    // The person themselves, from their own machine, is not locked out.
    const owner = new Client(server.url);
    const ok = await owner.post("/login", { email: "throttled@sussex.test", password: TEST_PASSWORD }, { "X-Forwarded-For": "198.51.100.7" });
    expect(ok.status).toBe(302);
  });

  it("redirects only to paths on this site after sign-in", async () => {
    const client = new Client(server.url);
    const res = await client.post("/login", { email: "reviewer@college.test", password: TEST_PASSWORD, redirectTo: "//evil.example/" });
    expect(res.headers.get("location")).toBe("/review");
  });
});

describe("sessions", () => {
  it("signing out revokes the session on the server, not just the cookie", async () => {
    const client = new Client(server.url);
    await client.signIn("reviewer@college.test", TEST_PASSWORD);
    const stolen = client.cookieHeader();
    const out = await client.post("/logout", {});
    expect(out.status).toBe(302);
    const replay = new Client(server.url);
    replay.setCookieHeader(stolen);
    const res = await replay.get("/review");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=%2Freview/);
  });

  it("a GET to /logout changes nothing", async () => {
    const client = new Client(server.url);
    await client.signIn("reviewer@college.test", TEST_PASSWORD);
    await client.get("/logout");
    expect((await client.get("/review")).status).toBe(200);
  });

  it("a disabled account's sessions stop working and it cannot sign in", async () => {
    const client = new Client(server.url);
    await client.signIn("leaving@sussex.test", TEST_PASSWORD);
    expect((await client.get("/submissions")).status).toBe(200);
    const conn = db();
    const { setUserDisabled } = await import("../../app/models/user.server");
    const user = await conn.selectFrom("users").select("id").where("email", "=", "leaving@sussex.test").executeTakeFirstOrThrow();
    await setUserDisabled(conn, user.id, true);
    await conn.destroy();
    expect((await client.get("/submissions")).status).toBe(302);
    const again = await new Client(server.url).post("/login", { email: "leaving@sussex.test", password: TEST_PASSWORD });
    expect(again.status).toBe(401);
  });
});

describe("permissions", () => {
  it("refuses a force lead the admin and review pages, and sends visitors to sign in", async () => {
    const lead = new Client(server.url);
    await lead.signIn("lead@sussex.test", TEST_PASSWORD);
    for (const path of ["/admin", "/review"]) {
      const res = await lead.get(path);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("You do not have permission");
    }
    const visitor = await new Client(server.url).get("/admin");
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toBe("/login?redirectTo=%2Fadmin");
  });

  it("refuses a reviewer the force lead pages", async () => {
    const reviewer = new Client(server.url);
    await reviewer.signIn("reviewer@college.test", TEST_PASSWORD);
    expect((await reviewer.get("/submissions")).status).toBe(403);
  });
});

describe("cross-site requests", () => {
  it("are refused with 403 for documents, data requests and resource routes, and change nothing", async () => {
    const client = new Client(server.url);
    await client.signIn("reviewer@college.test", TEST_PASSWORD);
    for (const path of ["/logout", "/logout.data", "/healthz", "/login"]) {
      const bySecFetch = await client.post(path, { email: "x" }, { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" });
      expect(bySecFetch.status).toBe(403);
      expect(await bySecFetch.text()).toContain("came from another website");
    }
    // Older browsers send only Origin.
    const byOrigin = await fetch(`${server.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: client.cookieHeader(), Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(byOrigin.status).toBe(403);
    // Still signed in: the refused sign-out did nothing.
    expect((await client.get("/review")).status).toBe(200);
  });
});

describe("hostile and odd requests", () => {
  it("answer 4xx with a readable message, never 500", async () => {
    const client = new Client(server.url);
    const json = await fetch(`${server.url}/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    const huge = await client.post("/login", { email: "a".repeat(3 * 1024 * 1024), password: "x" });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain("too large");
    const longEmail = await client.post("/login", { email: `${"a".repeat(300)}@x.test`, password: "x" });
    expect(longEmail.status).toBe(400);
    const unknownSession = await client.get("/week-of-action/no-such-talk");
    expect(unknownSession.status).toBe(404);
    expect(await unknownSession.text()).toContain("Page not found");
  });
});

describe("every HTML response", () => {
  it("carries a nonce-based CSP without unsafe-inline scripts and the other security headers", async () => {
    const first = await fetch(`${server.url}/week-of-action`);
    const second = await fetch(`${server.url}/week-of-action`);
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await first.text();
    for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script).toContain(`nonce="${nonce}"`);
  });

  it("/healthz answers 200 with the database reachable", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "reachable" });
  });
});
