import { describe, expect, it } from "vitest";
import { search } from "../../app/models/search.server";
import { getTag, updateTag } from "../../app/models/tag.server";
import { tagIdOf } from "../support/entry-fixtures";
import { searchCorpusFor } from "../support/search-corpus";

// The thesaurus of topics: the seed says knife crime is a kind of serious
// violence, so a search for knife crime lists what is about knife crime, then
// what is about serious violence, and names the broader topic.

const corpus = searchCorpusFor(async (c, slugs) => {
  slugs.knife = await c.entry("Amnesty bins in Hastings", "Bins for blades outside the station.", "knife-crime");
  slugs.violence = await c.entry("Hospital navigators in Hastings", "Youth workers in the emergency department.", "serious-violence");
  slugs.other = await c.entry("Litter picks in Hastings", "Volunteers clean the beach.", "community-engagement");
});
const slugs = corpus.slugs;

const practice = (r: Awaited<ReturnType<typeof search>>) => r.results.filter((x) => x.type === "practice").map((x) => x.slug);

describe("the thesaurus of topics in search", () => {
  it("is seeded for the tag list: broader, narrower and related topics", async () => {
    const knife = (await getTag(corpus.db, await tagIdOf(corpus.db, "knife-crime")))!;
    const violence = (await getTag(corpus.db, await tagIdOf(corpus.db, "serious-violence")))!;
    expect(knife.broader).toEqual([violence.id]);
    expect(violence.narrower).toEqual([knife.id]);
    expect(knife.related).toContain(await tagIdOf(corpus.db, "youth"));
  });

  it("finds content about the broader topic after the direct matches, and names it", async () => {
    const r = await search(corpus.db, { q: "knife crime hastings" });
    expect(practice(r)).toEqual([slugs.knife, slugs.violence]);
    expect(r.alsoAbout).toEqual([{ slug: "serious-violence", label: "Serious violence" }]);
    expect(r.total).toBe(2);
    // A synonym of the topic widens the same way.
    expect(practice(await search(corpus.db, { q: "knives hastings" }))).toEqual([slugs.knife, slugs.violence]);
  });

  it("does not widen a broader topic to its narrower ones, nor words that are not a topic", async () => {
    const r = await search(corpus.db, { q: "serious violence hastings" });
    expect(practice(r)).toEqual([slugs.violence]);
    expect(r.alsoAbout).toEqual([]);
    expect((await search(corpus.db, { q: "amnesty hastings" })).alsoAbout).toEqual([]);
  });

  it("keeps the direct matches first under a filter and when sorted by date; counts include both", async () => {
    const filtered = await search(corpus.db, { q: "knife crime hastings", tags: ["serious-violence"] });
    expect(practice(filtered)).toEqual([slugs.violence]);
    const byDate = await search(corpus.db, { q: "knife crime hastings", sort: "newest" });
    expect(practice(byDate).sort()).toEqual([slugs.knife, slugs.violence].sort());
    expect(byDate.facets.tag.find((t) => t.value === "serious-violence")?.count).toBe(1);
  });

  it("follows an admin's edit at once: without the broader link, only direct matches", async () => {
    const id = await tagIdOf(corpus.db, "knife-crime");
    const knife = (await getTag(corpus.db, id))!;
    await updateTag(corpus.db, id, { label: knife.label, description: "", synonyms: knife.synonyms, active: true, broader: [], narrower: [], related: knife.related });
    const r = await search(corpus.db, { q: "knife crime hastings" });
    expect(practice(r)).toEqual([slugs.knife]);
    expect(r.alsoAbout).toEqual([]);
    // Set from the broader topic's side (knife crime as its narrower topic), the same link comes back.
    const violenceId = await tagIdOf(corpus.db, "serious-violence");
    const violence = (await getTag(corpus.db, violenceId))!;
    await updateTag(corpus.db, violenceId, { label: violence.label, description: "", synonyms: violence.synonyms, active: true, broader: [], narrower: [id], related: violence.related });
    expect((await getTag(corpus.db, id))!.broader).toEqual([violenceId]);
    expect(practice(await search(corpus.db, { q: "knife crime hastings" }))).toEqual([slugs.knife, slugs.violence]);
  });
});
