import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/connection";
import { formToObject } from "../../app/lib/form-values";
import { applyTransition, type ActingUser } from "../../app/models/entry-workflow.server";
import { createDraftEntry, getEntryForOrganisation, saveDraft, submitForReview } from "../../app/models/practice.server";
import {
  ensureSearchIndex,
  indexEventSession,
  indexPracticeEntry,
  rebuildSearchIndex,
  reindexTag,
  search,
  setSearchCacheSize,
  type SearchResponse,
} from "../../app/models/search.server";
import { updateTag } from "../../app/models/tag.server";
import { ENTRY_ARRAY_FIELDS, entryDraftSchema, entrySubmitSchema } from "../../app/schemas/practice-entry";
import { migrations } from "../../db/migrations/index";
import type { EvidenceLabel } from "../../db/schema";
import { memoryDatabase } from "../support/database";
import { completeEntryForm, doc } from "../support/entries";
import { addUser } from "../support/users";

// A small fixed corpus built through the real models: entries are written,
// submitted and published (or not) by the workflow, and indexed the way the
// workflow will index them (indexPracticeEntry after every step). The 12
// sessions come from the seed.

let db: DB;
const leads: Record<string, ActingUser & { organisationId: number }> = {};
let reviewer: ActingUser;
const tagIds: Record<string, number> = {};

const FORBIDDEN = ["zeppelin", "kaleidoscope", "quasar", "nebula", "orchid", "marmalade", "walking buses"];

interface EntryText {
  title: string;
  summary: string;
  body?: string[];
  unit?: string;
}

function form({ title, summary, body = [], unit = "Neighbourhood team" }: EntryText) {
  const [problem = "The problem.", aim = "The aim.", response = "The response.", implementation = "The work.", results = "The results.", learning = "The learning."] = body;
  const section = (text: string) => JSON.stringify(doc(text));
  // The lead's suggested topic; only the reviewer's curated tags are published and indexed.
  return completeEntryForm(tagIds["leadership-training"], {
    title, summary, unit,
    problem: section(problem), aim: section(aim), response: section(response),
    implementation: section(implementation), results: section(results), learning: section(learning),
  });
}

function parse(values: Record<string, string | string[]>, schema = entrySubmitSchema) {
  const f = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const item of Array.isArray(v) ? v : [v]) f.append(k, item);
  return schema.parse(formToObject(f, ENTRY_ARRAY_FIELDS));
}

async function stateVersion(entryId: number) {
  return (await db.selectFrom("practice_entries").select("state_version").where("id", "=", entryId).executeTakeFirstOrThrow()).state_version;
}

async function act(entryId: number, actor: ActingUser, action: Parameters<typeof applyTransition>[1]["action"], extra: Partial<Parameters<typeof applyTransition>[1]> = {}) {
  const result = await applyTransition(db, { entryId, actor, action, expectedStateVersion: await stateVersion(entryId), ...extra });
  expect(result.ok, `${action}: ${JSON.stringify(result)}`).toBe(true);
  await indexPracticeEntry(db, entryId);
  return result;
}

async function save(org: string, entryId: number, text: EntryText, { submit }: { submit: boolean }) {
  const lead = leads[org];
  const entry = (await getEntryForOrganisation(db, entryId, lead.organisationId))!;
  const req = { entryId, organisationId: lead.organisationId, userId: lead.id, baseVersion: entry.revision.version };
  const result = submit
    ? await submitForReview(db, { ...req, draft: parse(form(text)) })
    : await saveDraft(db, { ...req, draft: parse(form(text), entryDraftSchema) });
  expect(result.ok).toBe(true);
  await indexPracticeEntry(db, entryId);
}

async function draftEntry(org: string, text: EntryText) {
  const id = await createDraftEntry(db, { id: leads[org].id, organisationId: leads[org].organisationId });
  await save(org, id, text, { submit: false });
  return id;
}

async function submitted(org: string, text: EntryText) {
  const id = await createDraftEntry(db, { id: leads[org].id, organisationId: leads[org].organisationId });
  await save(org, id, text, { submit: true });
  return id;
}

async function published(org: string, text: EntryText, tags: string[], evidence: EvidenceLabel) {
  const id = await submitted(org, text);
  await act(id, reviewer, "publish", { evidenceLabel: evidence, tagIds: tags.map((t) => tagIds[t]) });
  return id;
}

const titles = (r: SearchResponse) => r.results.map((x) => x.title);
const q = (text: string, extra: Parameters<typeof search>[1] = {}) => search(db, { q: text, ...extra });
const counts = (values: { value: string; count: number }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));

let updatedId: number;

beforeAll(async () => {
  db = await memoryDatabase();
  for (const org of ["sussex-police", "greater-manchester-police", "south-wales-police", "hampshire-and-isle-of-wight-constabulary"]) {
    const id = await addUser(db, `lead@${org}.test`, "force_lead", org);
    const row = await db.selectFrom("users").select(["name", "organisation_id"]).where("id", "=", id).executeTakeFirstOrThrow();
    leads[org] = { id, name: row.name, role: "force_lead", organisationId: row.organisation_id! };
  }
  const reviewerId = await addUser(db, "reviewer@college.test", "reviewer");
  reviewer = { id: reviewerId, name: "reviewer", role: "reviewer", organisationId: null };
  for (const t of await db.selectFrom("tags").select(["id", "slug"]).execute()) tagIds[t.slug] = t.id;

  // Live entries (10).
  await published("sussex-police", {
    title: "Shop theft partnership in the town centre",
    summary: "Retailers and neighbourhood officers shared images of repeat offenders and cut thefts from stores.",
    body: ["Thefts from stores rose by forty percent in a year.", "Cut thefts from stores.", "Officers patrolled the high street at peak times and retailers shared images."],
    unit: "Crawley neighbourhood team",
  }, ["problem-solving"], "worked");
  await published("greater-manchester-police", {
    title: "Youth diversion through evening football",
    summary: "Coaches and officers ran free football sessions on Friday evenings in Wythenshawe.",
    body: ["Groups gathered outside takeaways on Friday nights.", "Offer something to do on Friday nights.", "Free football coaching with officers playing alongside."],
  }, ["community-engagement"], "promising");
  await published("south-wales-police", {
    title: "Evening patrols in the park",
    summary: "Regular evening patrolling cut anti-social behaviour complaints in Victoria Park by half.",
    body: ["Residents complained of noise, litter and intimidation.", "Halve complaints.", "Two police community support officers walked the park every evening."],
  }, ["problem-solving", "community-engagement"], "untested");
  await published("sussex-police", {
    title: "Graffiti removal days",
    summary: "Volunteers and officers cleaned walls together each month.",
  }, ["community-engagement"], "worked");
  await published("greater-manchester-police", {
    title: "Lighting improvements at the railway station",
    summary: "Brighter lighting did not reduce robberies at the station.",
    body: ["Graffiti and broken lights made the subway feel unsafe; the graffiti came back every week."],
  }, ["knife-crime"], "did_not_work");
  await published("hampshire-and-isle-of-wight-constabulary", {
    title: "Store detectives tackle shoplifting gangs",
    summary: "Store detectives and officers shared intelligence about organised gangs.",
  }, ["problem-solving"], "promising");
  await published("sussex-police", {
    title: "Markup <b>test</b> & friends",
    summary: `Text with <script>alert("x")</script> and \uE000fake\uE001 markers near the lighthouse.`,
    body: ["The lighthouse <img src=x onerror=alert(1)> project."],
  }, [], "untested");
  await published("greater-manchester-police", { title: "Neighbourhood surgeries in libraries", summary: "Monthly drop-in sessions with officers at local libraries." }, ["community-engagement"], "promising");
  await published("south-wales-police", { title: "Knife amnesty bins", summary: "Bins outside supermarkets collected hundreds of knives." }, ["knife-crime"], "worked");

  // Published, then an update drafted and submitted: the old text stays live.
  updatedId = await published("sussex-police", { title: "Safer routes to school", summary: "Crossing patrols and parking enforcement outside primary schools." }, ["youth"], "worked");
  await act(updatedId, leads["sussex-police"], "start_update");
  const update = { title: "Safer routes to school: walking buses", summary: "Walking buses and marmalade breakfasts outside primary schools." };
  await save("sussex-police", updatedId, update, { submit: false });
  await save("sussex-police", updatedId, update, { submit: true });

  // Not live: archived, draft, in review, rejected, changes requested.
  const archived = await published("sussex-police", { title: "Operation Zeppelin", summary: "Zeppelin patrols over the seafront." }, ["problem-solving"], "worked");
  await act(archived, reviewer, "archive", { reason: "Superseded" });
  await draftEntry("sussex-police", { title: "Kaleidoscope draft", summary: "A kaleidoscope of ideas." });
  await submitted("greater-manchester-police", { title: "Quasar in review", summary: "Quasar patrols." });
  const rejected = await submitted("greater-manchester-police", { title: "Nebula rejected", summary: "Nebula patrols." });
  await act(rejected, reviewer, "reject", { reason: "Out of scope" });
  const changes = await submitted("greater-manchester-police", { title: "Orchid changes", summary: "Orchid patrols." });
  await act(changes, reviewer, "request_changes", { reason: "Add figures" });

  for (const s of await db.selectFrom("event_sessions").select("id").execute()) await indexEventSession(db, s.id);
});
afterAll(async () => db.destroy());

describe("what is searched", () => {
  it("ranks a match in the title above matches in the body", async () => {
    const r = await q("graffiti ");
    expect(titles(r)).toEqual(["Graffiti removal days", "Lighting improvements at the railway station"]);
    expect(r.results[1].snippet).toContain("<mark>Graffiti</mark>");
  });

  it("treats synonyms as the same words", async () => {
    expect(titles(await q("shoplifting "))).toEqual(expect.arrayContaining(["Shop theft partnership in the town centre", "Store detectives tackle shoplifting gangs"]));
    expect(titles(await q("retail crime "))).toContain("Shop theft partnership in the town centre");
    expect(titles(await q("ASB "))).toContain("Evening patrols in the park");
    expect(titles(await q("antisocial behaviour "))).toContain("Evening patrols in the park");
    expect(titles(await q("young people "))).toContain("Youth diversion through evening football");
    expect(titles(await q("juveniles "))).toContain("Youth diversion through evening football");
    expect(titles(await q("PCSO "))).toEqual(["Evening patrols in the park"]);
    const asb = await q("ASB ");
    expect(asb.results.find((r) => r.title === "Evening patrols in the park")!.snippet).toContain("<mark>anti-social behaviour</mark>");
  });

  it("stems English words: patrolling finds patrols and patrolled", async () => {
    expect(titles(await q("patrolling "))).toEqual(expect.arrayContaining(["Evening patrols in the park", "Shop theft partnership in the town centre"]));
  });

  it("matches quoted text as an exact phrase", async () => {
    expect(titles(await q('"evening football"'))).toEqual(["Youth diversion through evening football"]);
    expect((await q('"football evening"')).total).toBe(0);
  });

  it("matches the last word as a prefix while it is typed, and as a whole word after a space", async () => {
    expect(titles(await q("shopl"))).toContain("Store detectives tackle shoplifting gangs");
    expect(titles(await q("graf"))).toContain("Graffiti removal days");
    expect((await q("graf ")).total).toBe(0);
  });

  it("searches the sessions' titles, speakers, roles, organisations and tags", async () => {
    for (const words of ["Michelle Shooter ", "Assistant Chief Constable ", "Derbyshire Constabulary ", "sergeants "]) {
      expect((await q(words, { types: ["session"] })).results.map((r) => r.slug), words).toContain("national-picture-leaders-training");
    }
    const r = await q("Com networks ");
    expect(r.results[0]).toMatchObject({
      type: "session", typeLabel: "Week of Action session", slug: "com-networks-child-safety", url: "/week-of-action/com-networks-child-safety",
      startsAt: "2026-06-15T11:00:00.000Z", endsAt: "2026-06-15T12:00:00.000Z", date: "2026-06-15T11:00:00.000Z", organisation: null,
      when: "Monday 15 June 2026, midday to 1pm",
      tags: [{ slug: "child-safety-online-harms", label: "Child safety and online harms" }],
    });
  });

  it("describes each practice result: type, link, organisation, region, evidence, tags, date", async () => {
    const r = await q("evening patrols ");
    expect(r.results[0]).toMatchObject({
      type: "practice", typeLabel: "Case study", slug: "evening-patrols-in-the-park", url: "/practice/evening-patrols-in-the-park",
      title: "Evening patrols in the park", organisation: { slug: "south-wales-police", name: "South Wales Police" }, region: "Wales",
      evidence: "untested", evidenceLabel: "Untested",
      tags: [{ slug: "community-engagement", label: "Community engagement and public messaging" }, { slug: "problem-solving", label: "Problem solving" }],
    });
    expect(r.results[0].date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(r.results[0].startsAt).toBeUndefined();
  });

  it("finds entries by the unit named on them", async () => {
    expect(titles(await q("Crawley "))).toEqual(["Shop theft partnership in the town centre"]);
  });
});

describe("only published text", () => {
  it("never indexes draft, in-review, rejected, changes-requested or archived text, nor a draft update", async () => {
    const rows = await db.selectFrom("search_documents").selectAll().execute();
    const all = JSON.stringify(rows).toLowerCase();
    for (const word of FORBIDDEN) expect(all).not.toContain(word);
    const terms = new Set((await db.selectFrom("search_terms").select("term").execute()).map((r) => r.term));
    expect(terms.has("shoplifting")).toBe(true);
    for (const word of FORBIDDEN) expect(terms.has(word)).toBe(false);
    expect(rows.filter((r) => r.kind === "practice")).toHaveLength(10);
  });

  it("never shows it in results, snippets, counts or suggestions", async () => {
    for (const word of FORBIDDEN) {
      // A phrase in quotes: its words one by one may well be in published text.
      const r = await q(word.includes(" ") ? `"${word}"` : `${word} `);
      expect(r.total, word).toBe(0);
      expect(r.results).toEqual([]);
      expect(r.facets.tag).toEqual([]);
      expect(r.facets.type.every((t) => t.count === 0)).toBe(true);
    }
    for (const misspelt of ["zepelin ", "kaleidoscape ", "quasars ", "marmelade "]) expect((await q(misspelt)).suggestion, misspelt).toBeNull();
    const browse = await q("");
    expect(counts(browse.facets.type)).toEqual({ practice: 10, session: 12 });
    for (const word of FORBIDDEN) expect(JSON.stringify(browse).toLowerCase()).not.toContain(word);
  });

  it("keeps the published version of an entry live while an update is drafted and reviewed", async () => {
    const r = await q("safer routes ");
    expect(titles(r)).toEqual(["Safer routes to school"]);
    expect(r.results[0].snippet).not.toMatch(/walking|marmalade/i);
    expect((await q('"walking buses"')).total).toBe(0);
    expect((await q("walking buses ")).results.map((x) => x.title)).not.toContain("Safer routes to school: walking buses");
  });

  it("drops an entry from the index when it is archived", async () => {
    const id = await published("south-wales-police", { title: "Temporary scheme", summary: "A scheme about lanterns." }, [], "untested");
    expect(titles(await q("lanterns "))).toEqual(["Temporary scheme"]);
    await act(id, reviewer, "archive", { reason: "Ended" });
    expect((await q("lanterns ")).total).toBe(0);
    expect((await q("")).facets.type.find((t) => t.value === "practice")!.count).toBe(10);
  });
});

describe("did you mean", () => {
  it("suggests the words of the index for a misspelt query that finds little", async () => {
    const r = await q("shoplifitng");
    expect(r.total).toBe(0);
    expect(r.suggestion).toBe("shoplifting");
    expect((await q("grafiti removal ")).suggestion).toBe("graffiti removal");
    expect((await q("Lighting grafiti ")).suggestion).toBe("Lighting graffiti");
    // Only if the corrected query finds more: no entry has both "evening" and "graffiti".
    expect((await q("evening grafiti ")).suggestion).toBeNull();
  });

  it("suggests nothing when the query finds enough, or when nothing better exists", async () => {
    expect((await q("patrols ")).suggestion).toBeNull();
    expect((await q("xqzvbn ")).suggestion).toBeNull();
    expect((await q("asb ")).suggestion).toBeNull();
  });
});

describe("facets", () => {
  const practice = { types: ["practice"] };

  it("counts every facet over the matching documents", async () => {
    const r = await q("", practice);
    expect(r.total).toBe(10);
    expect(counts(r.facets.type)).toEqual({ practice: 10, session: 12 });
    expect(counts(r.facets.tag)).toEqual({ "problem-solving": 3, "community-engagement": 4, "knife-crime": 2, youth: 1 });
    expect(counts(r.facets.organisation)).toEqual({
      "sussex-police": 4, "greater-manchester-police": 3, "south-wales-police": 2, "hampshire-and-isle-of-wight-constabulary": 1,
    });
    expect(counts(r.facets.region)).toEqual({ "South East": 5, "North West": 3, Wales: 2 });
    expect(r.facets.evidence).toEqual([
      { value: "worked", label: "Worked", count: 4, selected: false },
      { value: "promising", label: "Promising", count: 3, selected: false },
      { value: "untested", label: "Untested", count: 2, selected: false },
      { value: "did_not_work", label: "Did not work", count: 1, selected: false },
    ]);
    expect(r.facets.type.find((t) => t.value === "practice")).toMatchObject({ label: "Case study", selected: true });
    expect(r.facets.tag[0]).toEqual({ value: "community-engagement", label: "Community engagement and public messaging", count: 4, selected: false });
  });

  it("counts a query's matches", async () => {
    const r = await q("graffiti ");
    // Values that match nothing are left out (unless chosen).
    expect(counts(r.facets.type)).toEqual({ practice: 2 });
    expect(counts(r.facets.organisation)).toEqual({ "sussex-police": 1, "greater-manchester-police": 1 });
  });

  it("applies the other facets' choices to each facet's counts, but not its own", async () => {
    const r = await q("", { ...practice, tags: ["problem-solving"] });
    expect(r.total).toBe(3);
    expect(counts(r.facets.tag)).toEqual({ "problem-solving": 3, "community-engagement": 4, "knife-crime": 2, youth: 1 });
    expect(r.facets.tag.find((t) => t.value === "problem-solving")!.selected).toBe(true);
    expect(counts(r.facets.organisation)).toEqual({ "sussex-police": 1, "south-wales-police": 1, "hampshire-and-isle-of-wight-constabulary": 1 });
    expect(counts(r.facets.evidence)).toEqual({ worked: 1, untested: 1, promising: 1 });
    const sessionsWithTag = await db.selectFrom("event_session_tags").select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tag_id", "=", tagIds["problem-solving"]).executeTakeFirstOrThrow();
    expect(counts(r.facets.type)).toEqual({ practice: 3, session: Number(sessionsWithTag.n) });
  });

  it("widens with several values of one facet (OR) and narrows across facets (AND)", async () => {
    expect((await q("", { ...practice, tags: ["problem-solving", "knife-crime"] })).total).toBe(5);
    const both = await q("", { ...practice, tags: ["problem-solving"], organisations: ["sussex-police"] });
    expect(titles(both)).toEqual(["Shop theft partnership in the town centre"]);
    expect(counts(both.facets.tag)).toEqual({ "problem-solving": 1, "community-engagement": 1, youth: 1 });
    expect(counts(both.facets.organisation)).toEqual({ "sussex-police": 1, "south-wales-police": 1, "hampshire-and-isle-of-wight-constabulary": 1 });

    const wales = await q("", { regions: ["Wales"], evidence: ["worked"] });
    expect(titles(wales)).toEqual(["Knife amnesty bins"]);
    expect(counts(wales.facets.region)).toEqual({ "South East": 3, Wales: 1 });
    expect(counts(wales.facets.evidence)).toEqual({ worked: 1, untested: 1 });
    expect((await q("", { regions: ["Wales", "North West"] })).total).toBe(5);
  });

  it("keeps a chosen value that matches nothing, so it can be unchosen, and ignores unknown values", async () => {
    const r = await q("graffiti ", { tags: ["youth", "no-such-tag"], organisations: ["<script>"], regions: ["Atlantis"], evidence: ["bogus"] });
    expect(r.total).toBe(0);
    expect(r.filters).toEqual({ types: [], tags: ["youth"], organisations: [], regions: [], evidence: [] });
    expect(r.facets.tag).toEqual([
      { value: "community-engagement", label: "Community engagement and public messaging", count: 1, selected: false },
      { value: "knife-crime", label: "Knife crime", count: 1, selected: false },
      { value: "youth", label: "Youth (young people)", count: 0, selected: true },
    ]);
  });
});

describe("sorting and pages", () => {
  it("lists everything newest first for an empty query, 20 to a page", async () => {
    const first = await q("");
    expect(first).toMatchObject({ searched: false, sort: "newest", total: 22, page: 1, pageSize: 20, pageCount: 2 });
    expect(first.results).toHaveLength(20);
    const second = await q("", { page: 2 });
    expect(second.results).toHaveLength(2);
    const all = [...first.results, ...second.results];
    expect(new Set(all.map((r) => r.url)).size).toBe(22);
    const dates = all.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(first.results[0].snippet).not.toContain("<mark>");
    // A page past the end shows the last page.
    expect(await q("", { page: 99 })).toMatchObject({ page: 2, results: second.results });
  });

  it("sorts a query's results by relevance or by date", async () => {
    const relevance = await q("graffiti ");
    const newest = await q("graffiti ", { sort: "newest" });
    expect(titles(relevance)).toEqual(["Graffiti removal days", "Lighting improvements at the railway station"]);
    expect(titles(newest)).toEqual(["Lighting improvements at the railway station", "Graffiti removal days"]);
  });
});

describe("safety", () => {
  it("answers any input with results, never an exception", async () => {
    const hostile = [
      '\\"', '"', "*", "NEAR(a b)", "NEAR(", "a AND OR NOT b", "-x", "((", "))", "AND", "OR", "NOT", '"unbalanced', 'shop "theft',
      "🚓🚔", "👮‍♀️ patrols", "x".repeat(10_000), "patrol ".repeat(2000), "\u0000", "a\u0000b", "'; drop table search_documents; --",
      "{title body}: x", "title:graffiti", "^graffiti", "+a -b", '""""', "\uE000graffiti\uE001", "%", "_", "\ud800", "\u202eevil",
      "ｇｒａｆｆｉｔｉ", "日本語", "a* b*", "NEAR(shop theft, 5)", "graffiti OR",
    ];
    for (const text of hostile) {
      for (const sort of ["relevance", "newest"]) {
        const r = await q(text, { sort, page: "abc" });
        expect(Array.isArray(r.results), JSON.stringify(text)).toBe(true);
        expect(r.query.length).toBeLessThanOrEqual(500);
        for (const result of r.results) expect(result.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
      }
    }
    expect(await search(db, { q: undefined, page: -1, sort: "up", types: "session" })).toMatchObject({ total: 12, page: 1 });
    expect(titles(await q("ｇｒａｆｆｉｔｉ "))[0]).toBe("Graffiti removal days");
    expect((await q("🚓🚔")).total).toBe(22);
  });

  it("escapes stored text in snippets: only the matched words are marked", async () => {
    const r = await q("lighthouse ");
    expect(r.results).toHaveLength(1);
    const snippet = r.results[0].snippet;
    expect(snippet).toContain("&lt;script&gt;");
    expect(snippet).not.toContain("<script>");
    expect(snippet.match(/<mark>/g)).toHaveLength(1);
    expect(snippet).toContain("<mark>lighthouse</mark>");
    expect(snippet).not.toContain("\uE000");
    expect(r.results[0].title).toBe("Markup <b>test</b> & friends");
  });
});

describe("index upkeep", () => {
  it("is idempotent, and a rebuild gives the same index as indexing entry by entry", async () => {
    const snapshot = async () => ({
      documents: await db.selectFrom("search_documents").select(["kind", "ref_id", "slug", "title", "summary", "body", "tags_text", "organisation_text", "organisation_id", "region", "evidence_label", "sort_date", "starts_at", "ends_at"]).orderBy("kind").orderBy("ref_id").execute(),
      terms: await db.selectFrom("search_terms").selectAll().orderBy("term").execute(),
      tags: await db.selectFrom("search_document_tags as dt").innerJoin("search_documents as d", "d.id", "dt.document_id").select(["d.kind", "d.ref_id", "dt.tag_id"]).orderBy("d.kind").orderBy("d.ref_id").orderBy("dt.tag_id").execute(),
    });
    const before = await snapshot();
    const generation = async () => (await db.selectFrom("search_state").select("generation").executeTakeFirstOrThrow()).generation;
    const generationBefore = await generation();
    await indexPracticeEntry(db, updatedId);
    await indexPracticeEntry(db, updatedId);
    for (const s of await db.selectFrom("event_sessions").select("id").execute()) await indexEventSession(db, s.id);
    expect(await snapshot()).toEqual(before);
    // Nothing was written, so the in-memory facet data stays valid.
    expect(await generation()).toBe(generationBefore);
    expect(await rebuildSearchIndex(db)).toEqual({ practice: 10, sessions: 12 });
    expect(await snapshot()).toEqual(before);
    expect(await ensureSearchIndex(db)).toBe(false);
    expect(titles(await q("graffiti "))).toEqual(["Graffiti removal days", "Lighting improvements at the railway station"]);
    const integrity = async (table: string) => sql.raw(`insert into ${table} (${table}, rank) values ('integrity-check', 1)`).execute(db);
    await integrity("search_fts");
  });

  it("has a migration that rolls back and applies again", async () => {
    const other = await memoryDatabase();
    try {
      const migrator = new Migrator({ db: other, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo("2026-11-25-001-initial-model")).error).toBeUndefined();
      const left = await sql<{ name: string }>`select name from sqlite_master where name like 'search%'`.execute(other);
      expect(left.rows).toEqual([]);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await rebuildSearchIndex(other)).toEqual({ practice: 0, sessions: 12 });
    } finally {
      await other.destroy();
    }
  });

  it("rebuilds at start-up when the index is empty", async () => {
    await sql`delete from search_documents`.execute(db);
    expect((await q("")).total).toBe(0);
    expect(await ensureSearchIndex(db)).toBe(true);
    expect((await q("")).total).toBe(22);
  });

  it("can join the caller's transaction", async () => {
    const id = (await db.selectFrom("event_sessions").select("id").where("slug", "=", "com-networks-child-safety").executeTakeFirstOrThrow()).id;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("event_sessions").set({ title: "Com networks: a renamed talk about pylons" }).where("id", "=", id).execute();
      await indexEventSession(trx, id);
    });
    expect(titles(await q("pylons "))).toEqual(["Com networks: a renamed talk about pylons"]);
  });

  it("answers the same with and without the cache of answers, and never from before a change", async () => {
    const requests = [
      { q: "graffiti" }, { q: "shoplifting ", sort: "newest" }, { q: "", tags: ["problem-solving"], page: 1 }, { q: "shoplifitng" },
      { q: "patrols", regions: ["Wales"] }, { q: "", page: 2 },
    ];
    const warm = [];
    for (const r of requests) await search(db, r);
    for (const r of requests) warm.push(await search(db, r));
    setSearchCacheSize(0);
    try {
      for (const [i, r] of requests.entries()) expect(await search(db, r)).toEqual(warm[i]);
    } finally {
      setSearchCacheSize(200);
    }
    // A tag's new label shows at once in facets, even before its documents are re-indexed.
    const tag = tagIds["community-engagement"];
    const before = await search(db, { q: "", types: ["practice"] });
    expect(before.facets.tag.find((t) => t.value === "community-engagement")!.label).toBe("Community engagement and public messaging");
    await updateTag(db, tag, { label: "Community engagement", description: "", synonyms: ["community engagement", "public messaging", "engagement"], active: true });
    const after = await search(db, { q: "", types: ["practice"] });
    expect(after.facets.tag.find((t) => t.value === "community-engagement")!.label).toBe("Community engagement");
    // Retiring a tag drops it from facets and filters at once.
    await updateTag(db, tag, { label: "Community engagement", description: "", synonyms: [], active: false });
    const retired = await search(db, { q: "", tags: ["community-engagement"] });
    expect(retired.filters.tags).toEqual([]);
    expect(retired.facets.tag.map((t) => t.value)).not.toContain("community-engagement");
    await reindexTag(db, tag);
    expect((await search(db, { q: "", types: ["practice"] })).results.flatMap((r) => r.tags.map((t) => t.slug))).not.toContain("community-engagement");
  });

  it("follows a renamed tag once re-indexed", async () => {
    const tag = tagIds["knife-crime"];
    await updateTag(db, tag, { label: "Knife crime and bladed weapons", description: "", synonyms: ["knife crime", "knives", "bladed articles"], active: true });
    await reindexTag(db, tag);
    const r = await q("bladed weapons ");
    expect(titles(r)).toEqual(expect.arrayContaining(["Knife amnesty bins", "Lighting improvements at the railway station"]));
    expect(r.results[0].tags).toContainEqual({ slug: "knife-crime", label: "Knife crime and bladed weapons" });
  });
});
