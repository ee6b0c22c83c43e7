import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftEntry, saveDraft } from "../../app/models/practice.server";
import { parseCsv } from "../support/csv";
import { freshDatabase } from "../support/database";
import { doc } from "../support/entries";
import { startServer, type RunningServer } from "../support/server";
import { completeDraft, draftUpdate, leadAndReviewer, move, publishedEntry, submittedEntry, tagIdOf } from "./lead-fixtures";

// The CSV and JSON exports over HTTP. Entries are made through the real
// models in every state, so the test shows that exactly the live published
// versions come out, and hostile text (commas, quotes, line breaks,
// spreadsheet formulas) comes back from the CSV as it went in.

let server: RunningServer;
const slugs: Record<string, string> = {};

const HOSTILE = {
  title: `Commas, "quotes" and more`,
  summary: `=HYPERLINK("http://evil.example","Click me"), with a comma\n\nand a second paragraph`,
  problem: ["+SUM(1,2) is not a formula", `Line two, with "quotes"`],
  aim: "-2 reports a week",
  response: "@cmd|' /C calc'!A0",
};

const HIDDEN = ["Never submitted draft", "Still in review", "Changes requested entry", "Rejected entry", "Withdrawn entry", "Taken down entry", "marmalade"];

beforeAll(async () => {
  const { db, file } = await freshDatabase();
  const { lead, reviewer } = await leadAndReviewer(db);
  const youth = await tagIdOf(db, "youth");
  const asb = await tagIdOf(db, "anti-social-behaviour");

  slugs.plain = (await publishedEntry(db, lead, reviewer, youth, { title: "Plain live entry" })).slug;
  const hostile = await submittedEntry(db, lead, youth, {
    title: HOSTILE.title,
    summary: HOSTILE.summary,
    problem: JSON.stringify(doc(...HOSTILE.problem)),
    aim: JSON.stringify(doc(HOSTILE.aim)),
    response: JSON.stringify(doc(HOSTILE.response)),
  });
  slugs.hostile = (await move(db, hostile, "publish", reviewer, { evidenceLabel: "worked", tagIds: [youth, asb] })).slug!;

  // Live, with an update being drafted: only the published text may appear.
  const updating = await publishedEntry(db, lead, reviewer, youth, { title: "Entry with an update in progress" });
  slugs.updating = updating.slug;
  await draftUpdate(db, updating.entryId, lead, youth, { title: "Updated title marmalade", summary: "Draft summary marmalade." });

  // Never live, or no longer.
  const draft = await createDraftEntry(db, { id: lead.id, organisationId: lead.organisationId! });
  await saveDraft(db, { entryId: draft, organisationId: lead.organisationId!, userId: lead.id, baseVersion: 1, draft: completeDraft(youth, { title: "Never submitted draft" }) });
  await submittedEntry(db, lead, youth, { title: "Still in review" });
  const changes = await submittedEntry(db, lead, youth, { title: "Changes requested entry" });
  await move(db, changes, "request_changes", reviewer, { reason: "More figures." });
  const rejected = await submittedEntry(db, lead, youth, { title: "Rejected entry" });
  await move(db, rejected, "reject", reviewer, { reason: "Out of scope." });
  const withdrawn = await submittedEntry(db, lead, youth, { title: "Withdrawn entry" });
  await move(db, withdrawn, "withdraw", lead);
  const archived = await publishedEntry(db, lead, reviewer, youth, { title: "Taken down entry" });
  await move(db, archived.entryId, "archive", reviewer, { reason: "Asked to." });

  await db.destroy();
  server = await startServer({ databasePath: file, env: { MAIL_WORKER: "off" } });
});
afterAll(async () => server?.stop());

async function download(path: string) {
  const res = await fetch(server.url + path);
  expect(res.status, path).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const CSV_COLUMNS = [
  "slug", "url", "title", "organisation", "region", "evidence", "tags", "first_published", "last_updated", "summary",
  "problem", "aim", "response", "implementation", "results", "mechanism", "cost", "learning",
];

describe("/practice/export.csv", () => {
  it("downloads as a dated UTF-8 CSV attachment with a byte order mark", async () => {
    const { res, bytes } = await download("/practice/export.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="practice-bank-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("holds exactly the live published entries, newest publication first, with the published text", async () => {
    const text = new TextDecoder().decode((await download("/practice/export.csv")).bytes);
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
    expect(header).toEqual(CSV_COLUMNS);
    expect(rows.map((r) => r[0])).toEqual([slugs.updating, slugs.hostile, slugs.plain]);
    for (const hidden of HIDDEN) expect(text, hidden).not.toContain(hidden);
    const updating = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(updating).toMatchObject({
      title: "Entry with an update in progress",
      url: `${server.url}/practice/${slugs.updating}`,
      organisation: "Sussex Police",
      region: "South East",
      evidence: "Promising",
      tags: "Youth (young people)",
      summary: "Youth workers and PCSOs cut anti-social behaviour in a town-centre park by a third in six months.",
      results: "Reports fell from 120 to 80 in six months.",
      mechanism: "",
    });
    expect(new Date(updating.first_published).toISOString()).toBe(updating.first_published);
  });

  it("brings hostile text back intact, with formula-like cells made plain text", async () => {
    const text = new TextDecoder().decode((await download("/practice/export.csv")).bytes);
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
    const hostile = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === slugs.hostile)![i]]));
    expect(hostile.title).toBe(HOSTILE.title);
    expect(hostile.summary).toBe(`'${HOSTILE.summary}`);
    expect(hostile.problem).toBe(`'${HOSTILE.problem.join("\n\n")}`);
    expect(hostile.aim).toBe(`'${HOSTILE.aim}`);
    expect(hostile.response).toBe(`'${HOSTILE.response}`);
    expect(hostile.tags).toBe("Anti-social behaviour (ASB); Youth (young people)");
    expect(hostile.evidence).toBe("Worked");
    // Every row has every column: no line break or quote split a record.
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });
});

describe("/practice/export.json", () => {
  it("downloads as a dated JSON attachment holding exactly the live published entries", async () => {
    const { res, bytes } = await download("/practice/export.json");
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="practice-bank-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = new TextDecoder().decode(bytes);
    for (const hidden of HIDDEN) expect(text, hidden).not.toContain(hidden);
    const body = JSON.parse(text);
    expect(body.count).toBe(3);
    expect(body.entries.map((e: { slug: string }) => e.slug)).toEqual([slugs.updating, slugs.hostile, slugs.plain]);
    const hostile = body.entries[1];
    expect(hostile).toMatchObject({
      slug: slugs.hostile,
      url: `${server.url}/practice/${slugs.hostile}`,
      title: HOSTILE.title,
      organisation: "Sussex Police",
      organisationSlug: "sussex-police",
      evidence: "worked",
      evidenceLabel: "Worked",
      tags: [{ slug: "anti-social-behaviour", label: "Anti-social behaviour (ASB)" }, { slug: "youth", label: "Youth (young people)" }],
      summary: HOSTILE.summary,
    });
    // JSON needs no spreadsheet guard: the text is exactly as published.
    expect(hostile.sections.problem).toBe(HOSTILE.problem.join("\n\n"));
    expect(Object.keys(hostile.sections)).toEqual(CSV_COLUMNS.slice(10));
  });
});
