import { afterEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { createLoginSession, findSessionUser, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../app/models/login-session.server";
import { recordFailedAttempt, secondsUntilAllowed } from "../../app/models/login-attempt.server";
import { setUserDisabled } from "../../app/models/user.server";
import { memoryDatabase } from "../support/database";
import { addUser } from "../support/users";

let db: DB;
afterEach(async () => db?.destroy());

describe("login sessions", () => {
  it("store only a digest of the token, and end after the idle and absolute limits", async () => {
    db = await memoryDatabase();
    const userId = await addUser(db, "lead@force.test", "force_lead", "kent-police");
    const start = new Date("2026-11-25T09:00:00Z");
    const token = await createLoginSession(db, userId, "test", start);
    const row = await db.selectFrom("sessions").select("id").executeTakeFirstOrThrow();
    expect(row.id).not.toContain(token);
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);

    expect((await findSessionUser(db, token, new Date(start.getTime() + 60_000)))?.organisationName).toBe("Kent Police");
    expect(await findSessionUser(db, token, new Date(start.getTime() + SESSION_IDLE_MS + 1000))).toBeNull();

    // Kept busy, the session still ends at the absolute limit.
    let t = start.getTime();
    while (t + SESSION_IDLE_MS / 2 < start.getTime() + SESSION_ABSOLUTE_MS) {
      t += SESSION_IDLE_MS / 2;
      expect(await findSessionUser(db, token, new Date(t))).not.toBeNull();
    }
    expect(await findSessionUser(db, token, new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1000))).toBeNull();
  });

  it("stop working when the account is disabled", async () => {
    db = await memoryDatabase();
    const userId = await addUser(db, "reviewer@college.test", "reviewer");
    const token = await createLoginSession(db, userId, null);
    expect(await findSessionUser(db, token)).not.toBeNull();
    await setUserDisabled(db, userId, true);
    expect(await findSessionUser(db, token)).toBeNull();
    expect(await db.selectFrom("sessions").selectAll().execute()).toEqual([]);
  });
});

describe("sign-in throttle", () => {
  it("blocks after the limit until the oldest failure leaves the window", async () => {
    db = await memoryDatabase({ seed: false });
    const rule = { bucket: "account:a@b.test", limit: 3, windowMs: 60_000 };
    const t0 = 1_000_000;
    await recordFailedAttempt(db, [rule.bucket], t0);
    await recordFailedAttempt(db, [rule.bucket], t0 + 10_000);
    expect(await secondsUntilAllowed(db, [rule], t0 + 20_000)).toBe(0);
    await recordFailedAttempt(db, [rule.bucket], t0 + 20_000);
    expect(await secondsUntilAllowed(db, [rule], t0 + 20_000)).toBe(40);
    expect(await secondsUntilAllowed(db, [rule], t0 + 60_001)).toBe(0);
  });
});
