import { describe, expect, it } from "vitest";
import {
  buildSynonymIndex,
  editDistance,
  MAX_QUERY_CHARS,
  MAX_QUERY_WORDS,
  normaliseSearchParams,
  parseSearchQuery,
  replaceWords,
  searchParamsFromUrl,
  searchParamsToUrl,
  tagSynonymGroups,
  words,
} from "../../app/lib/search-query";
import tagsFile from "../../db/data/tags.json";
import { POLICING_SYNONYM_GROUPS } from "../../app/models/search/policing-words";

const synonyms = buildSynonymIndex([...tagSynonymGroups(tagsFile.tags), ...POLICING_SYNONYM_GROUPS]);
const match = (q: string) => parseSearchQuery(q, synonyms).match;

// The only FTS5 syntax the parser may produce: quoted strings (a quote inside
// doubled), an optional * after one, OR-groups in brackets, AND between parts.
const QUOTED = String.raw`"(?:[^"]|"")*"\*?`;
const PART = String.raw`(?:${QUOTED}|\((?:${QUOTED})(?: OR ${QUOTED})*\))`;
const SAFE = new RegExp(`^${PART}(?: AND ${PART})*$`);

describe("words", () => {
  it("splits on anything that is not a letter or digit, lower-cases and drops accents, like the index", () => {
    expect(words("Anti-social Behaviour, CAFÉ naïve x2 👮‍♀️ £10")).toEqual(["anti", "social", "behaviour", "cafe", "naive", "x2", "10"]);
    expect(words("ｇｒａｆｆｉｔｉ")).toEqual(["graffiti"]);
  });
});

describe("parseSearchQuery", () => {
  it("quotes every word and ANDs them, with the last word as a prefix while it is being typed", () => {
    expect(match("community patrols")).toBe('"community" AND "patrols"*');
    expect(match("community patrols ")).toBe('"community" AND "patrols"');
    expect(match("community patrols.")).toBe('"community" AND "patrols"');
  });

  it("does not treat a one-letter last word as a prefix", () => {
    expect(match("lane b")).toBe('"lane" AND "b"');
  });

  it("keeps quoted text as an exact phrase; an unclosed quote runs to the end and is still being typed", () => {
    expect(match('"evening football" club ')).toBe('"evening football" AND "club"');
    expect(match('lane "evening foot')).toBe('"lane" AND "evening foot"*');
    expect(match('"evening football"')).toBe('"evening football"');
  });

  it("drops FTS5 operators and punctuation so that no input is query syntax", () => {
    expect(match("x AND OR NOT b ")).toBe('"x" AND "b"');
    expect(match("NEAR(shop theft, 5) ")).toMatch(/^\("shop theft" OR /);
    expect(match("-x ")).toBe('"x"');
    expect(match("title:graffiti^2 ")).toBe('"title" AND "graffiti" AND "2"');
    // In lower case they are plain words ("and" and "or" are little words, left out).
    expect(match("and or not near")).toBe('"not" AND "near"*');
    expect(match('*')).toBeNull();
    expect(match('"')).toBeNull();
    expect(match('((')).toBeNull();
    expect(match("🚓🚔")).toBeNull();
    expect(match("")).toBeNull();
    expect(match("   ")).toBeNull();
  });

  it("never produces anything but quoted strings, *, OR-groups and AND, whatever the input", () => {
    const hostile = [
      '\\"', '"', "*", "NEAR(a b)", "NEAR(", "a AND OR NOT b", "-x", "((", "))", '"unbalanced', 'shop "theft', "🚓",
      "👮‍♀️ patrols", "x".repeat(10_000), "\u0000", "a\u0000b", "'; drop table x; --", "{title body}: x", "col:val",
      "a* b*", "^a", "+a -b", '""""', '" " "', "\uE000mark\uE001", "\ud800", "\u202etxet", "日本語の検索", "ｇｒａｆｆｉｔｉ",
      'asb "young people" shop-theft pcso', "a".repeat(MAX_QUERY_CHARS + 1),
    ];
    // And some random ones built from the characters that matter to FTS5.
    const alphabet = ['"', "*", "(", ")", "-", "+", ":", "^", " ", "a", "B", "NEAR", "AND", "OR", "NOT", "é", "🚓", "\u0000", ",", "'"];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i++) hostile.push(Array.from({ length: 1 + Math.floor(random() * 20) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(""));
    for (const q of hostile) {
      const parsed = parseSearchQuery(q, synonyms);
      if (parsed.match !== null) expect(parsed.match, JSON.stringify(q)).toMatch(SAFE);
      expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    }
  });

  it("caps the input at 500 characters and 32 words", () => {
    const long = parseSearchQuery("word ".repeat(5000));
    expect(long.text.length).toBe(MAX_QUERY_CHARS);
    expect(long.words).toHaveLength(MAX_QUERY_WORDS);
    expect(long.parts).toHaveLength(MAX_QUERY_WORDS);
    // Cut short: the last word is not a prefix of anything.
    expect(parseSearchQuery("x".repeat(600)).match).toBe(`"${"x".repeat(500)}"`);
  });

  it("expands synonyms, including several-word ones found in the middle of a query", () => {
    const q = match("asb ")!;
    expect(q).toContain('"asb"');
    expect(q).toContain('"anti social behaviour"');
    expect(q).toContain('"antisocial behaviour"');
    expect(match("reducing anti social behaviour in parks ")).toMatch(/^"reducing" AND \("anti social behaviour" OR .*"asb".*\) AND \(.*"recreation ground".*\)$/);
    expect(match("shop theft ")).toMatch(/"shoplifting"/);
    expect(match("shop theft ")).toMatch(/"retail crime"/);
    expect(match("shoplifting ")).toMatch(/"shop theft"/);
    expect(match("young people ")).toMatch(/"youth"/);
    expect(match("juveniles ")).toMatch(/"young people"/);
    expect(match("PCSO ")).toMatch(/"police community support officer"/);
    expect(match("police community support officers ")).toMatch(/"pcso"/);
    expect(match("VAWG ")).toMatch(/"violence against women and girls"/);
    expect(match("SOAC ")).toMatch(/"serious organised acquisitive crime"/);
    // Hyphens and spaces are the same to the index.
    expect(match("anti-social behaviour ")).toBe(match("anti social behaviour "));
  });

  it("takes the longest synonym: 'shop theft' is one idea, not 'shop' and 'theft'", () => {
    const parsed = parseSearchQuery("shop theft ", synonyms);
    expect(parsed.parts).toHaveLength(1);
    expect(parsed.parts[0]).toMatchObject({ kind: "synonyms", words: ["shop", "theft"] });
  });

  it("does not expand synonyms inside a quoted phrase", () => {
    expect(match('"shop theft"')).toBe('"shop theft"');
  });

  it("keeps a synonym being typed as a prefix too", () => {
    expect(match("juvenile")).toMatch(/ OR "juvenile"\*\)$/);
  });

  it("merges synonym lists that share a phrase, and reads tag labels with words in brackets", () => {
    expect(tagSynonymGroups([{ label: "Shop theft (retail crime)", synonyms: ["shoplifting"] }])).toEqual([["Shop theft", "retail crime", "shoplifting"]]);
    const index = buildSynonymIndex([["asb", "anti-social behaviour"], ["anti social behaviour", "nuisance"], ["lonely"]]);
    expect(index.groups).toHaveLength(1);
    expect(index.groups[0].map((w) => w.join(" ")).sort()).toEqual(["anti social behaviour", "asb", "nuisance"]);
  });
});

describe("did you mean", () => {
  it("measures edit distance with transpositions counting once", () => {
    expect(editDistance("shoplifitng", "shoplifting")).toBe(1);
    expect(editDistance("grafiti", "graffiti")).toBe(1);
    expect(editDistance("patrol", "patrols")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  it("rewrites only the corrected words, keeping the rest as typed", () => {
    const parsed = parseSearchQuery('Shoplifitng  "in Crawley"');
    expect(replaceWords(parsed, new Map([[0, "shoplifting"]]))).toBe('shoplifting "in Crawley"');
  });
});

describe("search parameters", () => {
  it("read repeated facet values from the URL and ignore nonsense", () => {
    const p = searchParamsFromUrl(new URLSearchParams("q=asb&type=practice&type=bogus&tag=youth&tag=youth&tag=shop-theft&region=Wales&evidence=worked&sort=newest&page=3"));
    expect(p).toEqual({ q: "asb", types: ["practice"], tags: ["youth", "shop-theft"], organisations: [], regions: ["Wales"], evidence: ["worked"], sort: "newest", page: 3 });
    expect(normaliseSearchParams({ q: 42, page: "-4", sort: "sideways", types: "session", tags: [1, null, " x "] })).toEqual({
      q: "", types: ["session"], tags: ["x"], organisations: [], regions: [], evidence: [], sort: "relevance", page: 1,
    });
    expect(normaliseSearchParams({ page: "1e9" }).page).toBe(1000);
    expect(normaliseSearchParams({ page: "NaN" }).page).toBe(1);
    expect(normaliseSearchParams({ tags: Array.from({ length: 500 }, (_, i) => `t${i}`) }).tags).toHaveLength(50);
  });

  it("write back to a URL without defaults", () => {
    expect(searchParamsToUrl({ q: "asb", types: ["session"], tags: ["youth", "shop-theft"], sort: "relevance", page: 1 }).toString()).toBe(
      "q=asb&type=session&tag=youth&tag=shop-theft",
    );
  });
});
