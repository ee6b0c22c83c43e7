import { afterEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { siteUrl } from "../../app/lib/config.server";
import { notifyUsers } from "../../app/models/notification.server";
import { memoryDatabase } from "../support/database";
import { addUser } from "../support/users";

let db: DB;
afterEach(async () => db?.destroy());

describe("notification emails", () => {
  it("link to the page with an absolute address, and have a text and an HTML part and the service's name in the subject", async () => {
    db = await memoryDatabase();
    const id = await addUser(db, "lead@kent.test", "force_lead", "kent-police");
    await notifyUsers(db, [id], { workflowEventId: null, kind: "changes_requested", title: 'Changes requested to "Safer <streets>"', body: "Add the dates & places.", url: "/submissions/12" });
    const row = await db.selectFrom("email_outbox").selectAll().executeTakeFirstOrThrow();
    const link = siteUrl("/submissions/12");
    expect(link).toMatch(/^https?:\/\/[^/]+\/submissions\/12$/);
    expect(row.subject).toBe('Changes requested to "Safer <streets>" - Neighbourhood policing practice bank');
    expect(row.body_text).toContain(`See it in the practice bank:\n${link}`);
    expect(row.body_text).toContain("Add the dates & places.");
    expect(row.body_text).not.toMatch(/(^|\s)\/submissions\/12/);
    expect(row.body_html).toContain(`<a href="${link}"`);
    // The HTML part escapes what people wrote.
    expect(row.body_html).toContain("Safer &lt;streets&gt;");
    expect(row.body_html).toContain("Add the dates &amp; places.");
  });
});
