import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/connection";
import { Client } from "../support/client";
import { freshDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";
import { addUser, TEST_PASSWORD } from "../support/users";

// React escapes these in server-rendered HTML and puts <!-- --> between adjacent text parts.
const decode = (html: string) =>
  html.replace(/<!-- -->/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function inputValue(html: string, name: string): string | null {
  const tag = html.match(new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`))?.[0];
  if (!tag) return null;
  return decode(tag.match(/\bvalue="([^"]*)"/)?.[1] ?? "");
}

/** Whether the checkbox `name` with `value` is ticked. */
function ticked(html: string, name: string, value: number | string): boolean {
  const tag = html.match(/<input[^>]*>/g)?.find((t) => t.includes(`name="${name}"`) && t.includes(`value="${value}"`));
  return tag?.includes("checked") ?? false;
}

function textareaValue(html: string, name: string): string | null {
  const m = html.match(new RegExp(`<textarea[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</textarea>`));
  return m ? decode(m[1]).replace(/^\n/, "") : null;
}

let server: RunningServer;
let file: string;
let db: DB;
let adminId: number;
let admin: Client;

beforeAll(async () => {
  const fresh = await freshDatabase();
  file = fresh.file;
  adminId = await addUser(fresh.db, "admin@example.test", "admin");
  await fresh.db.destroy();
  server = await startServer({ databasePath: file });
  db = openDatabase(file);
  admin = new Client(server.url);
  await admin.signIn("admin@example.test", TEST_PASSWORD);
});

afterAll(async () => {
  await db?.destroy();
  await server?.stop();
});

describe("organisations", () => {
  it("lists organisations with kind, region and whether they accept entries", async () => {
    const res = await admin.get("/admin/organisations");
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain("Sussex Police");
    expect(html).toContain("Territorial police force");
    expect(html).toContain("South East");
    expect(html).toContain("Accepting new entries");
  });

  it("creates an organisation with a slug made from its name, and says so on the list", async () => {
    const res = await admin.post("/admin/organisations/new", {
      name: "Ynys Môn & Gwynedd Partnership",
      kind: "partner",
      region: "Wales",
      active: "on",
    });
    expect(res.status).toBe(302);
    const row = await db.selectFrom("organisations").selectAll().where("name", "=", "Ynys Môn & Gwynedd Partnership").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ slug: "ynys-mon-and-gwynedd-partnership", kind: "partner", region: "Wales", active: 1 });
    expect(res.headers.get("location")).toBe(`/admin/organisations?saved=${row.id}`);

    const list = decode(await (await admin.get(res.headers.get("location")!)).text());
    expect(list).toContain("govuk-notification-banner--success");
    expect(list).toContain("Ynys Môn & Gwynedd Partnership has been saved.");

    const audit = await db.selectFrom("admin_audit").selectAll().where("subject", "=", row.name).execute();
    expect(audit).toMatchObject([{ actor_id: adminId, action: "created organisation" }]);
  });

  it("gives a new organisation whose slug would clash the next free one", async () => {
    const res = await admin.post("/admin/organisations/new", { name: "Sussex Police!", kind: "partner", region: "South East", active: "on" });
    expect(res.status).toBe(302);
    const row = await db.selectFrom("organisations").selectAll().where("name", "=", "Sussex Police!").executeTakeFirstOrThrow();
    expect(row.slug).toBe("sussex-police-2");
  });

  it("refuses a name already in use (any case) as a field error, keeping the values", async () => {
    const before = await db.selectFrom("organisations").select("id").execute();
    const res = await admin.post("/admin/organisations/new", { name: "sussex police", kind: "territorial_force", region: "South East" });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("An organisation with this name already exists");
    expect(html).toContain('href="#name"');
    expect(inputValue(html, "name")).toBe("sussex police");
    expect(inputValue(html, "region")).toBe("South East");
    expect(await db.selectFrom("organisations").select("id").execute()).toHaveLength(before.length);
  });

  it("asks for every missing answer", async () => {
    const res = await admin.post("/admin/organisations/new", { name: "", region: "" });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("Enter the organisation's name");
    expect(html).toContain("Choose what kind of organisation it is");
    expect(html).toContain("Enter the region");
  });

  it("edits an organisation: renamed and deactivated, its slug never changes, nothing is deleted", async () => {
    const org = await db.selectFrom("organisations").selectAll().where("slug", "=", "opal").executeTakeFirstOrThrow();
    const page = decode(await (await admin.get(`/admin/organisations/${org.id}`)).text());
    expect(inputValue(page, "name")).toBe(org.name);
    expect(inputValue(page, "region")).toBe(org.region);

    const res = await admin.post(`/admin/organisations/${org.id}`, { name: "Opal (national intelligence unit)", kind: org.kind, region: org.region });
    expect(res.status).toBe(302);
    const row = await db.selectFrom("organisations").selectAll().where("id", "=", org.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Opal (national intelligence unit)", slug: "opal", active: 0 });

    const audit = await db.selectFrom("admin_audit").selectAll().where("action", "=", "updated organisation").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toContain("renamed from Opal");
    expect(audit[0].detail).toContain("not accepting new entries");

    // A deactivated organisation is no longer offered for new force leads.
    const newAccount = decode(await (await admin.get("/admin/users/new")).text());
    expect(newAccount).not.toContain("Opal (national intelligence unit)");
  });

  it("refuses renaming to another organisation's name", async () => {
    const org = await db.selectFrom("organisations").selectAll().where("slug", "=", "kent-police").executeTakeFirstOrThrow();
    const res = await admin.post(`/admin/organisations/${org.id}`, { name: "Surrey Police", kind: org.kind, region: org.region, active: "on" });
    expect(res.status).toBe(400);
    expect(decode(await res.text())).toContain("An organisation with this name already exists");
    expect((await db.selectFrom("organisations").select("name").where("id", "=", org.id).executeTakeFirstOrThrow()).name).toBe("Kent Police");
  });
});

describe("tags", () => {
  it("lists tags with their other words", async () => {
    const html = decode(await (await admin.get("/admin/tags")).text());
    expect(html).toContain("Shop theft (retail crime)");
    expect(html).toContain("shoplifting");
  });

  it("creates a tag with its other words normalised: lower case, trimmed, no repeats", async () => {
    const res = await admin.post("/admin/tags/new", {
      label: "Graffiti and criminal damage",
      description: "Tagging, vandalism and damage to property.",
      synonyms: "  Graffiti , TAGGING\nGraffiti\n\n   street   art  ,vandalism",
      active: "on",
    });
    expect(res.status).toBe(302);
    const tag = await db.selectFrom("tags").selectAll().where("label", "=", "Graffiti and criminal damage").executeTakeFirstOrThrow();
    expect(tag).toMatchObject({ slug: "graffiti-and-criminal-damage", active: 1, description: "Tagging, vandalism and damage to property." });
    const terms = await db.selectFrom("tag_synonyms").select("term").where("tag_id", "=", tag.id).orderBy("term").execute();
    expect(terms.map((t) => t.term)).toEqual(["graffiti", "street art", "tagging", "vandalism"]);
    expect(res.headers.get("location")).toBe(`/admin/tags?saved=${tag.id}`);
    expect(decode(await (await admin.get(`/admin/tags?saved=${tag.id}`)).text())).toContain("The tag Graffiti and criminal damage has been saved.");
  });

  it("refuses an other word that already belongs to another tag, naming that tag, and saves nothing", async () => {
    const tag = await db.selectFrom("tags").selectAll().where("slug", "=", "youth").executeTakeFirstOrThrow();
    const synonymsBefore = await db.selectFrom("tag_synonyms").selectAll().orderBy("id").execute();
    const res = await admin.post(`/admin/tags/${tag.id}`, {
      label: "Youth and young people",
      synonyms: "youth\nteenagers\nShoplifting",
      active: "on",
    });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain('"shoplifting" is already used by the tag Shop theft (retail crime)');
    expect(html).toContain('href="#synonyms"');
    expect(inputValue(html, "label")).toBe("Youth and young people");
    expect(textareaValue(html, "synonyms")).toBe("youth\nteenagers\nShoplifting");
    expect(await db.selectFrom("tag_synonyms").selectAll().orderBy("id").execute()).toEqual(synonymsBefore);
    expect((await db.selectFrom("tags").select("label").where("id", "=", tag.id).executeTakeFirstOrThrow()).label).toBe(tag.label);

    // The same clash when creating a tag.
    const create = await admin.post("/admin/tags/new", { label: "Retail", synonyms: "retail crime, shop lifting", active: "on" });
    expect(create.status).toBe(400);
    const createHtml = decode(await create.text());
    expect(createHtml).toContain("These words are already used by other tags");
    expect(createHtml).toContain('"retail crime" (Shop theft (retail crime))');
    expect(await db.selectFrom("tags").select("id").where("label", "=", "Retail").executeTakeFirst()).toBeUndefined();
  });

  it("refuses an other word over 60 characters and a label already in use", async () => {
    const res = await admin.post("/admin/tags/new", { label: "knife crime", synonyms: `short, ${"x".repeat(61)}` });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("Each other word must be 60 characters or fewer");
    // The label check runs once the form itself is valid.
    const again = await admin.post("/admin/tags/new", { label: "knife crime", synonyms: "blades" });
    expect(again.status).toBe(400);
    expect(decode(await again.text())).toContain("A tag with this label already exists");
  });

  it("edits a tag's broader, narrower and related topics beside its other words, and search follows them", async () => {
    const id = async (slug: string) => (await db.selectFrom("tags").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
    const fraud = await id("fraud-cybercrime");
    const engagement = await id("community-engagement");
    const child = await id("child-safety-online-harms");
    const page = decode(await (await admin.get(`/admin/tags/${fraud}`)).text());
    for (const legend of ["Broader topics (optional)", "Narrower topics (optional)", "Related topics (optional)"]) expect(page).toContain(legend);
    // The seed's link: child safety and online harms is related to fraud and cybercrime.
    expect(ticked(page, "related", child)).toBe(true);
    expect(ticked(page, "broader", engagement)).toBe(false);
    // A tag is never offered as its own topic.
    expect(page).not.toContain(`name="broader" type="checkbox" value="${fraud}"`);

    // One topic in two lists is refused, and what was ticked is kept.
    const form = { label: "Fraud and cybercrime", description: "", synonyms: "fraud, cybercrime, scams", active: "on" };
    const clash = await admin.post(`/admin/tags/${fraud}`, { ...form, broader: String(engagement), related: [String(engagement), String(child)] });
    expect(clash.status).toBe(400);
    const clashHtml = decode(await clash.text());
    expect(clashHtml).toContain("A topic can only be broader, narrower or related");
    expect(ticked(clashHtml, "broader", engagement)).toBe(true);
    const self = await admin.post(`/admin/tags/${fraud}`, { ...form, narrower: String(fraud) });
    expect(self.status).toBe(400);
    expect(decode(await self.text())).toContain("Choose topics from the list, other than this tag");

    const saved = await admin.post(`/admin/tags/${fraud}`, { ...form, broader: String(engagement), related: String(child) });
    expect(saved.status).toBe(302);
    const links = await db.selectFrom("tag_relations").selectAll().where((eb) => eb.or([eb("tag_id", "=", fraud), eb("other_tag_id", "=", fraud)])).execute();
    expect(links).toEqual(expect.arrayContaining([
      { tag_id: fraud, other_tag_id: engagement, kind: "broader" },
      { tag_id: Math.min(fraud, child), other_tag_id: Math.max(fraud, child), kind: "related" },
    ]));
    expect(links).toHaveLength(2);
    const audit = await db.selectFrom("admin_audit").select("detail").where("action", "=", "updated tag").where("subject", "=", "Fraud and cybercrime").executeTakeFirstOrThrow();
    expect(audit.detail).toContain("broader topics changed");
    expect(ticked(decode(await (await admin.get(`/admin/tags/${engagement}`)).text()), "narrower", fraud)).toBe(true);

    // The search page names the broader topic above the results.
    const results = decode(await (await fetch(`${server.url}/search?q=scams`)).text());
    expect(results).toContain("Also showing results about Community engagement and public messaging");
    expect(results).toContain("Reaching the right people: using SOLV for targeted public messaging");
  });

  it("edits a tag's other words and hides it; its own words are not a clash; nothing is deleted", async () => {
    const tag = await db.selectFrom("tags").selectAll().where("slug", "=", "youth").executeTakeFirstOrThrow();
    const page = decode(await (await admin.get(`/admin/tags/${tag.id}`)).text());
    expect(textareaValue(page, "synonyms")).toContain("teenagers");

    const res = await admin.post(`/admin/tags/${tag.id}`, { label: tag.label, description: "", synonyms: "Youth, young people, Teens" });
    expect(res.status).toBe(302);
    const row = await db.selectFrom("tags").selectAll().where("id", "=", tag.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ slug: "youth", active: 0 });
    const terms = await db.selectFrom("tag_synonyms").select("term").where("tag_id", "=", tag.id).orderBy("term").execute();
    expect(terms.map((t) => t.term)).toEqual(["teens", "young people", "youth"]);
    const audit = await db.selectFrom("admin_audit").selectAll().where("action", "=", "updated tag").where("subject", "=", tag.label).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toContain("added teens");
    expect(audit[0].detail).toContain("hidden");
  });
});
