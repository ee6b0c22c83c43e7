import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/database";
import { addHousekeepingRows, remainingRows } from "../support/housekeeping-rows";
import { startServer, type RunningServer } from "../support/server";
import { addUser } from "../support/users";

let server: RunningServer | undefined;
afterAll(async () => server?.stop());

describe("housekeeping in the running server", () => {
  it("deletes the ended sessions and old sign-in attempts found at start, and keeps the live ones", async () => {
    const { db, file } = await freshDatabase();
    const userId = await addUser(db, "lead@force.test", "force_lead", "kent-police");
    await addHousekeepingRows(db, userId);
    await db.destroy();

    server = await startServer({ databasePath: file });
    // The first pass runs at start; wait for it (the test's timeout bounds the wait).
    const logged = "Housekeeping: deleted 2 ended sessions and 2 old sign-in attempts";
    while (!server.output().includes(logged)) await new Promise((r) => setTimeout(r, 100));
    expect(await server.withDb(remainingRows)).toEqual({ sessions: ["live-fresh", "live-old-but-busy"], attempts: ["recent", "recent"] });
  });
});
