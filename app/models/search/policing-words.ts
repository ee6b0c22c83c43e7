// The assertion is for Node's own loader (the browser tests import the models
// without a bundler); esbuild 0.17, which builds the server, reads `assert` but not `with`.
import list from "../../../db/data/policing-words.json" assert { type: "json" };
import { words } from "~/lib/search-query";

// The maintained list of policing words (db/data/policing-words.json), as
// search uses it, whatever the engine: groups of words that mean the same
// (merged with the tag list's synonyms into one synonym index, so the query
// and the indexed text are read alike) and the known terms of the trade,
// which "did you mean" never respells.

/** Abbreviations, spellings and phrases that mean the same ("op" and "operation"). */
export const POLICING_SYNONYM_GROUPS: readonly (readonly string[])[] = list.sameThing;

/** Known terms of the trade as word lists ("hate crime" is ["hate", "crime"]). */
export const KNOWN_TERMS: readonly string[][] = list.knownTerms.map((t) => words(t)).filter((w) => w.length > 0);
