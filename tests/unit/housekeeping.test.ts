import { afterEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { runHousekeeping, startHousekeeping } from "../../app/lib/housekeeping.server";
import { createLoginSession, findSessionUser } from "../../app/models/login-session.server";
import { memoryDatabase } from "../support/database";
import { addHousekeepingRows, remainingRows } from "../support/housekeeping-rows";
import { addUser } from "../support/users";

let db: DB;
afterEach(async () => db?.destroy());

describe("housekeeping", () => {
  it("deletes sessions ended by either limit and sign-in attempts older than the throttle window, and keeps the rest", async () => {
    db = await memoryDatabase();
    const userId = await addUser(db, "lead@force.test", "force_lead", "kent-police");
    const now = new Date("2026-12-01T12:00:00Z");
    await addHousekeepingRows(db, userId, now);

    expect(await runHousekeeping(db, now)).toEqual({ sessions: 2, loginAttempts: 2 });
    expect(await remainingRows(db)).toEqual({
      sessions: ["live-fresh", "live-old-but-busy"],
      attempts: ["recent", "recent"],
    });
    // A second pass finds nothing more.
    expect(await runHousekeeping(db, now)).toEqual({ sessions: 0, loginAttempts: 0 });
  });

  it("never ends a session that still signs its user in", async () => {
    db = await memoryDatabase();
    const userId = await addUser(db, "reviewer@college.test", "reviewer");
    const token = await createLoginSession(db, userId, null);
    await runHousekeeping(db);
    expect(await findSessionUser(db, token)).not.toBeNull();
  });

  it("runs a pass as soon as it starts, and stops", async () => {
    db = await memoryDatabase();
    const userId = await addUser(db, "lead@force.test", "force_lead", "kent-police");
    await addHousekeepingRows(db, userId);
    const housekeeping = startHousekeeping(db);
    // Waits for the first pass, whatever the machine's speed; the test's own timeout is the limit.
    while ((await remainingRows(db)).sessions.length > 2) await new Promise((r) => setTimeout(r, 10));
    await housekeeping.stop();
    expect(await remainingRows(db)).toEqual({ sessions: ["live-fresh", "live-old-but-busy"], attempts: ["recent", "recent"] });
  });
});
