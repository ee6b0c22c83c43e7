import type { Migration } from "kysely";
import * as initialModel from "./2026-11-25-001-initial-model";
import * as searchIndex from "./2026-11-25-002-search-index";
import * as accounts from "./2026-12-01-003-accounts";
import * as topicThesaurus from "./2026-12-01-004-topic-thesaurus";

// Imported explicitly rather than read from disk: Node 20 cannot load .ts
// migration files at run time, and a bundled server has no migrations folder.
// Keys sort in the order the migrations must run.
export const migrations: Record<string, Migration> = {
  "2026-11-25-001-initial-model": initialModel,
  "2026-11-25-002-search-index": searchIndex,
  "2026-12-01-003-accounts": accounts,
  "2026-12-01-004-topic-thesaurus": topicThesaurus,
};
