import { sql, type Kysely } from "kysely";
import { searchParamsToUrl, words } from "../../app/lib/search-query";
import type { Database } from "../../db/schema";
import type { Random } from "./random";

// The queries to measure, drawn from the generated corpus itself: words and
// phrases that are really in it, at known document frequencies (from
// search_terms, the index's own word list). The same seed gives the same
// queries.
//
// The search box treats a last word with nothing after it as the start of a
// longer word (search as you type). Whole-word queries are therefore sent
// with a trailing space; the prefix kind leaves the word unfinished.

export interface BenchQuery {
  q: string;
  tags?: string[];
  regions?: string[];
  page?: number;
}

export interface QueryKind {
  key: string;
  label: string;
  /** The goal that applies: one- and two-word queries have their own. */
  goal: "word" | "any";
  /** What was drawn, e.g. the document frequencies of the words. */
  drawn: string;
  queries: BenchQuery[];
}

interface Term {
  term: string;
  docs: number;
}

/** Words too common to be what anyone means by a two-word or phrase search (the, and, of ...). */
const STOPWORD_COUNT = 30;

export class QuerySource {
  private constructor(
    private readonly r: Random,
    private readonly db: Kysely<Database>,
    private readonly byFrequency: Term[],
    private readonly documentIds: { min: number; max: number },
    private readonly tags: string[],
    private readonly regions: string[],
  ) {}

  static async open(db: Kysely<Database>, r: Random): Promise<QuerySource> {
    const terms = await db.selectFrom("search_terms").select(["term", "docs"]).orderBy("docs", "desc").orderBy("term").execute();
    const ids = await sql<{ min: number; max: number }>`
      select min(id) as min, max(id) as max from search_documents where kind = 'practice'`.execute(db);
    const tags = (await db.selectFrom("tags").select("slug").where("active", "=", 1).orderBy("slug").execute()).map((t) => t.slug);
    const regions = (await db.selectFrom("organisations").select("region").distinct().orderBy("region").execute()).map((o) => o.region);
    if (ids.rows[0]?.min == null) throw new Error("The index holds no practice entries: generate the corpus first");
    return new QuerySource(r, db, terms.filter((t) => !/\d/.test(t.term)), ids.rows[0], tags, regions);
  }

  private get stopwords(): Set<string> {
    return new Set(this.byFrequency.slice(0, STOPWORD_COUNT).map((t) => t.term));
  }

  /** The title and summary words of a random published entry. */
  private async randomEntryWords(): Promise<{ title: string[]; summary: string[] }> {
    for (;;) {
      const id = this.r.int(this.documentIds.min, this.documentIds.max);
      const doc = await this.db.selectFrom("search_documents").select(["title", "summary"]).where("id", "=", id).where("kind", "=", "practice").executeTakeFirst();
      if (doc) return { title: words(doc.title), summary: words(doc.summary) };
    }
  }

  private range(terms: Term[]): string {
    if (terms.length === 0) return "none found";
    const docs = terms.map((t) => t.docs);
    return `${terms.length} words in ${Math.min(...docs).toLocaleString("en-GB")} to ${Math.max(...docs).toLocaleString("en-GB")} documents each`;
  }

  /** The most frequent words (in nearly every document). */
  veryCommon(count = 20): Term[] {
    return this.byFrequency.slice(0, count);
  }

  /** Content words in a good share of documents, below the very common ones. */
  common(): Term[] {
    return this.byFrequency.slice(STOPWORD_COUNT, 300).filter((t) => t.term.length >= 4);
  }

  /** Words in at most 1 document in 2,000 (at least 5): names, rare terms. */
  rare(totalDocuments: number): Term[] {
    const limit = Math.max(5, Math.floor(totalDocuments / 2000));
    return this.byFrequency.filter((t) => t.docs <= limit && t.term.length >= 4);
  }

  private pickTerms(terms: Term[], n: number): string[] {
    return Array.from({ length: n }, () => this.r.pick(terms).term);
  }

  async twoWords(n: number): Promise<string[]> {
    const out: string[] = [];
    const stop = this.stopwords;
    while (out.length < n) {
      const candidates = [...new Set((await this.randomEntryWords()).title.filter((w) => w.length >= 3 && !stop.has(w) && !/\d/.test(w)))];
      if (candidates.length >= 2) out.push(this.r.sample(candidates, 2).join(" "));
    }
    return out;
  }

  async phrases(n: number): Promise<string[]> {
    const out: string[] = [];
    const stop = this.stopwords;
    while (out.length < n) {
      const w = (await this.randomEntryWords()).summary;
      const starts = w.map((_, i) => i).filter((i) => i + 1 < w.length && !stop.has(w[i]) && !stop.has(w[i + 1]) && !/\d/.test(w[i] + w[i + 1]));
      if (starts.length) {
        const i = this.r.pick(starts);
        out.push(`"${w[i]} ${w[i + 1]}"`);
      }
    }
    return out;
  }

  /** The first 3 or 4 letters of a title word, as typed before the rest. */
  async prefixes(n: number): Promise<string[]> {
    const out: string[] = [];
    while (out.length < n) {
      const long = (await this.randomEntryWords()).title.filter((w) => w.length >= 5 && !/\d/.test(w));
      if (long.length) out.push(this.r.pick(long).slice(0, this.r.int(3, 4)));
    }
    return out;
  }

  facets(): Pick<BenchQuery, "tags" | "regions"> {
    return { tags: [this.r.pick(this.tags)], regions: [this.r.pick(this.regions)] };
  }

  /** The query kinds the search module is measured on, `n` queries each. */
  async kinds(n: number, totalDocuments: number): Promise<QueryKind[]> {
    const word = (q: string) => ({ q: `${q} ` });
    const rare = this.rare(totalDocuments);
    const common = this.common();
    const veryCommon = this.veryCommon();
    return [
      { key: "rare", label: "single rare word", goal: "word", drawn: this.range(rare), queries: this.pickTerms(rare, n).map(word) },
      { key: "common", label: "single common word", goal: "word", drawn: this.range(common), queries: this.pickTerms(common, n).map(word) },
      { key: "two", label: "two words", goal: "word", drawn: "2 words from the title of a random entry", queries: (await this.twoWords(n)).map(word) },
      { key: "phrase", label: "phrase in quotes", goal: "any", drawn: "2 adjacent words from a random summary", queries: (await this.phrases(n)).map((q) => ({ q })) },
      { key: "prefix", label: "prefix (as you type)", goal: "word", drawn: "first 3-4 letters of a title word", queries: (await this.prefixes(n)).map((q) => ({ q })) },
      { key: "very-common", label: "very common word", goal: "any", drawn: this.range(veryCommon), queries: this.pickTerms(veryCommon, n).map(word) },
      {
        key: "faceted", label: "common word + tag + region", goal: "any", drawn: "a common word, 1 tag, 1 region",
        queries: this.pickTerms(common, n).map((q) => ({ ...word(q), ...this.facets() })),
      },
      { key: "filters", label: "tag + region, no words", goal: "any", drawn: "1 tag, 1 region, newest first", queries: Array.from({ length: n }, () => ({ q: "", ...this.facets() })) },
      {
        key: "deep", label: "very common word, page 50", goal: "any", drawn: this.range(veryCommon),
        queries: this.pickTerms(veryCommon, n).map((q) => ({ ...word(q), page: 50 })),
      },
    ];
  }

  /**
   * Query strings for the HTTP load, as people type them (no trailing
   * space), in a mix of kinds. Distinct, so that the server's answer cache
   * (200 answers) seldom helps: each URL is requested about once.
   */
  async urlQueries(n: number, totalDocuments: number): Promise<string[]> {
    const rare = this.rare(totalDocuments);
    const common = this.common();
    const seen = new Set<string>();
    const mix: [number, () => Promise<BenchQuery>][] = [
      [0.2, async () => ({ q: this.r.pick(common).term })],
      [0.15, async () => ({ q: this.r.pick(rare).term })],
      [0.25, async () => ({ q: (await this.twoWords(1))[0] })],
      [0.1, async () => ({ q: (await this.phrases(1))[0] })],
      [0.15, async () => ({ q: (await this.prefixes(1))[0] })],
      [0.1, async () => ({ q: this.r.pick(common).term, ...this.facets() })],
      [0.05, async () => ({ q: this.r.pick(this.veryCommon()).term, page: this.r.int(1, 5) })],
    ];
    // Give up on distinctness after many tries: a tiny corpus has few queries.
    for (let tries = 0; seen.size < n && tries < n * 20; tries++) {
      let u = this.r.next();
      const make = mix.find(([share]) => (u -= share) < 0)?.[1] ?? mix[0][1];
      const query = await make();
      seen.add(searchParamsToUrl(query).toString());
    }
    return this.r.shuffle([...seen]);
  }
}
