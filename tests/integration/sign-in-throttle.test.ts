import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordFailedAttempt } from "../../app/models/login-attempt.server";
import { Client } from "../support/client";
import { startServer, type RunningServer } from "../support/server";
import { addUser, TEST_PASSWORD } from "../support/users";

// Throttling that strangers cannot turn against a real user (issue 10): the
// attacks it describes, over HTTP against the real server.

let server: RunningServer;
const from = (ip: string) => ({ "X-Forwarded-For": ip });

beforeAll(async () => {
  server = await startServer({ env: { TRUST_PROXY: "loopback" } });
  await server.withDb(async (db) => {
    await addUser(db, "target@sussex.test", "force_lead", "sussex-police");
    await addUser(db, "newcomer@sussex.test", "force_lead", "sussex-police");
    await addUser(db, "colleague@sussex.test", "force_lead", "sussex-police");
  });
});
afterAll(async () => {
  await server?.stop();
});

describe("sign-in throttling", () => {
  it("wrong passwords from four other addresses do not stop the person signing in from a browser they used before", async () => {
    // The lead's own browser signed in once, and signed out.
    const own = new Client(server.url);
    await own.post("/login", { email: "target@sussex.test", password: TEST_PASSWORD }, from("198.51.100.20"));
    await own.post("/logout", {});
    expect(own.cookieHeader()).toMatch(/pb_device=/);

    const attacker = new Client(server.url);
    for (const ip of ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]) {
      for (let i = 0; i < 5; i++) {
        expect((await attacker.post("/login", { email: "target@sussex.test", password: `guess ${ip} ${i}` }, from(ip))).status).toBe(401);
      }
    }
    // The account's limit now stops guesses from anywhere new, the right password included...
    const stranger = await new Client(server.url).post("/login", { email: "target@sussex.test", password: TEST_PASSWORD }, from("203.0.113.5"));
    expect(stranger.status).toBe(429);
    // ...but not the lead's own browser, from a fifth address.
    const back = await own.post("/login", { email: "target@sussex.test", password: TEST_PASSWORD }, from("198.51.100.21"));
    expect(back.status).toBe(302);
  });

  it("wrong sign-ins on made-up emails from one address do not lock out real people behind it", async () => {
    const nat = "192.0.2.50";
    const sprayer = new Client(server.url);
    for (let i = 0; i < 55; i++) {
      expect((await sprayer.post("/login", { email: `made-up-${i}@sussex.test`, password: "whatever it is" }, from(nat))).status).toBe(401);
    }
    // A colleague behind the same address, on a browser that never signed in here before.
    expect((await new Client(server.url).post("/login", { email: "newcomer@sussex.test", password: TEST_PASSWORD }, from(nat))).status).toBe(302);
  });

  it("a browser that signed in before gets through even when its address's limit is used up", async () => {
    const nat = "192.0.2.60";
    const own = new Client(server.url);
    await own.post("/login", { email: "colleague@sussex.test", password: TEST_PASSWORD }, from(nat));
    await own.post("/logout", {});
    // A hundred failures from that address (written straight to the table: the
    // limit, not scrypt's speed, is what this checks).
    await server.withDb((db) => recordFailedAttempt(db, Array.from({ length: 100 }, () => `address:${nat}`)));
    expect((await new Client(server.url).post("/login", { email: "newcomer@sussex.test", password: TEST_PASSWORD }, from(nat))).status).toBe(429);
    expect((await own.post("/login", { email: "colleague@sussex.test", password: TEST_PASSWORD }, from(nat))).status).toBe(302);
  });

  it("a trusted browser is still limited by its own failures, and a forged device cookie trusts nothing", async () => {
    const own = new Client(server.url);
    await own.post("/login", { email: "newcomer@sussex.test", password: TEST_PASSWORD }, from("198.51.100.40"));
    await own.post("/logout", {});
    for (let i = 0; i < 10; i++) {
      expect((await own.post("/login", { email: "newcomer@sussex.test", password: `typo ${i}` }, from("198.51.100.40"))).status).toBe(401);
    }
    expect((await own.post("/login", { email: "newcomer@sussex.test", password: TEST_PASSWORD }, from("198.51.100.40"))).status).toBe(429);

    // The same cookie with its signature removed (or a made-up one) counts as no cookie.
    const forged = new Client(server.url);
    const value = encodeURIComponent(Buffer.from(JSON.stringify([{ e: "target@sussex.test", n: "abcdefghijklmnopqrstuvwx" }])).toString("base64"));
    forged.setCookieHeader(`pb_device=${value}`);
    expect((await forged.post("/login", { email: "target@sussex.test", password: TEST_PASSWORD }, from("203.0.113.77"))).status).toBe(429);
  });
});
