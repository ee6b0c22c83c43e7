import { sql, type Kysely } from "kysely";

// Frozen once shipped: later changes to search go in new migration files.
// Uses Kysely<any> and no application types, like every migration.
//
// The search index: one denormalised row per searchable thing (a live
// published practice entry, or a Week of Action session), written only by
// app/models/search.server.ts from published data. Nothing unpublished is
// ever copied here, so nothing unpublished can reach results, snippets,
// counts or suggestions.
//
// Column order matters for speed: the small facet columns come first and the
// long texts last, and a covering index holds all the small columns.
// search_state.generation moves with every change to the documents or their
// tags, so the search module can keep facet data and answers in memory.

const TEXT_COLUMNS = "title, summary, body, tags_text, organisation_text";
const NEW_VALUES = "new.title, new.summary, new.body, new.tags_text, new.organisation_text";
const OLD_VALUES = "old.title, old.summary, old.body, old.tags_text, old.organisation_text";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table search_documents (
      id integer primary key,
      kind text not null check (kind in ('practice', 'session')),
      ref_id integer not null,
      organisation_id integer references organisations(id),
      region text,
      evidence_label text,
      -- ISO 8601: published_at for practice, starts_at for sessions
      sort_date text not null,
      slug text not null,
      starts_at text,
      ends_at text,
      title text not null default '',
      summary text not null default '',
      tags_text text not null default '',
      organisation_text text not null default '',
      body text not null default '',
      unique (kind, ref_id)
    )`.execute(db);

  // Everything facet counting and "newest first" need about a document: the
  // search module loads it from this narrow index, never from the wide rows.
  await sql`create index search_documents_facets on search_documents (id, kind, organisation_id, region, evidence_label, sort_date)`.execute(db);

  await sql`
    create table search_document_tags (
      document_id integer not null references search_documents(id) on delete cascade,
      tag_id integer not null references tags(id),
      primary key (document_id, tag_id)
    ) without rowid`.execute(db);

  // The ranked index: English stemming, accents folded, prefix indexes for
  // search-as-you-type. External content: the texts live once, in search_documents.
  await sql.raw(`
    create virtual table search_fts using fts5(
      ${TEXT_COLUMNS},
      content = 'search_documents', content_rowid = 'id',
      tokenize = 'porter unicode61 remove_diacritics 2',
      prefix = '2 3'
    )`).execute(db);

  // The words of the index as written (not stemmed: "shoplifting", not
  // "shoplift") with the number of documents holding each, for "did you mean".
  // Kept by the search module as it writes documents. (An fts5vocab table
  // would give the same, but it reads every posting of every word it lists:
  // at 100,000 documents one letter's words take tens of milliseconds or more.)
  await sql`
    create table search_terms (
      term text primary key,
      docs integer not null
    ) without rowid`.execute(db);

  await sql.raw(`
    create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts (rowid, ${TEXT_COLUMNS}) values (new.id, ${NEW_VALUES});
    end`).execute(db);
  await sql.raw(`
    create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts (search_fts, rowid, ${TEXT_COLUMNS}) values ('delete', old.id, ${OLD_VALUES});
    end`).execute(db);
  await sql.raw(`
    create trigger search_documents_au after update of ${TEXT_COLUMNS} on search_documents begin
      insert into search_fts (search_fts, rowid, ${TEXT_COLUMNS}) values ('delete', old.id, ${OLD_VALUES});
      insert into search_fts (rowid, ${TEXT_COLUMNS}) values (new.id, ${NEW_VALUES});
    end`).execute(db);

  // A counter that moves whenever the documents or their tags change, so that
  // the search module can keep facet data in memory and know when to reload it.
  await sql`
    create table search_state (
      id integer primary key check (id = 1),
      generation integer not null default 0
    )`.execute(db);
  await sql`insert into search_state (id, generation) values (1, 0)`.execute(db);
  for (const table of ["search_documents", "search_document_tags"]) {
    for (const event of ["insert", "update", "delete"]) {
      await sql.raw(`
        create trigger ${table}_generation_${event} after ${event} on ${table} begin
          update search_state set generation = generation + 1 where id = 1;
        end`).execute(db);
    }
  }
}

const TRIGGERS = [
  "search_documents_au", "search_documents_ad", "search_documents_ai",
  ...["search_documents", "search_document_tags"].flatMap((t) => ["insert", "update", "delete"].map((e) => `${t}_generation_${e}`)),
];

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of TRIGGERS) {
    await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
  }
  for (const table of ["search_state", "search_terms", "search_fts", "search_document_tags", "search_documents"]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}
