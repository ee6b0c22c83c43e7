import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { checkDatabaseFile } from "../../db/backup";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { addUser } from "../support/users";
import { missingWrites, WriteBurst, type Acknowledged } from "../support/write-burst";

// kill -9 of the server in the middle of writes, five times over one
// database: after each restart the file and the search index pass their
// integrity checks and every write the server acknowledged is there.

const ROUNDS = 5;
let server: RunningServer | undefined;
afterAll(async () => server?.stop());

describe("a server killed with SIGKILL during a burst of writes", () => {
  it("loses no acknowledged write and leaves the database and search index intact, five rounds running", async () => {
    const { db, file: databasePath } = await freshDatabase();
    await addUser(db, "lead@sussex.test", "force_lead", "sussex-police");
    await addUser(db, "lead@hampshire.test", "force_lead", "hampshire-and-isle-of-wight-constabulary");
    await addUser(db, "reviewer@college.test", "reviewer");
    const tagId = (await db.selectFrom("tags").select("id").where("slug", "=", "youth").executeTakeFirstOrThrow()).id;
    await db.destroy();

    const acknowledged: Acknowledged[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // The mail worker writes too: every publish and submission queues emails.
      server = await startServer({ databasePath, env: { MAIL_WORKER_INTERVAL_MS: "50" } });
      const check = checkDatabaseFile(databasePath);
      expect(check.problems, `round ${round}: integrity after restart`).toEqual([]);
      expect(await missingWrites(server, acknowledged), `round ${round}: acknowledged writes after restart`).toEqual([]);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

      const leads = [await server.signedIn("lead@sussex.test"), await server.signedIn("lead@hampshire.test")];
      const burst = new WriteBurst(server, { leads, reviewer: await server.signedIn("reviewer@college.test") }, tagId, `Round ${round}`);
      // Killed once every kind of write is under way, with more of each in flight.
      for (;;) {
        const counts = burst.counts();
        if (counts.autosave >= 20 && counts.submit >= 4 && counts.publish >= 2) break;
        await sleep(10);
      }
      expect((await server.kill("SIGKILL")).signal).toBe("SIGKILL");
      await burst.stop();
      acknowledged.push(...burst.acknowledged);
    }

    server = await startServer({ databasePath });
    expect(checkDatabaseFile(databasePath).problems).toEqual([]);
    expect(await missingWrites(server, acknowledged)).toEqual([]);
    // Published entries are found by search and served, after all those crashes.
    const publish = acknowledged.filter((a) => a.kind === "publish");
    expect(publish.length).toBeGreaterThanOrEqual(ROUNDS * 2);
    const slugs = await server.withDb((db) => db.selectFrom("practice_entries").select("slug").where("status", "=", "published").execute());
    for (const { slug } of slugs.slice(0, 5)) expect((await fetch(`${server.url}/practice/${slug}`)).status).toBe(200);
    // Every published entry's summary speaks of youth workers, and the index finds each one.
    const found = await (await fetch(`${server.url}/api/search?q=${encodeURIComponent("youth workers")}&type=practice`)).json();
    expect(found.total).toBe(slugs.length);
  }, 180_000);
});
