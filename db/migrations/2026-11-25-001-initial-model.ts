import { sql, type Kysely } from "kysely";

// Frozen: this migration describes the schema as it was on 2026-11-25. Later
// changes go in new migration files; never edit this one after it has shipped.
// It deliberately uses Kysely<any> and no application types, so that the app's
// types can move on without changing what this migration does.

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organisations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('territorial_force', 'special_force', 'regional_unit', 'national_unit', 'partner')`),
    )
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('force_lead', 'reviewer', 'admin')`))
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    // A force lead writes for exactly one organisation.
    .addCheckConstraint("force_lead_has_organisation", sql`role <> 'force_lead' or organisation_id is not null`)
    .addCheckConstraint("email_is_lower_case", sql`email = lower(email)`)
    .execute();

  await db.schema
    .createTable("sessions")
    // The id is a SHA-256 of the cookie token: a copy of the database alone
    // does not let anyone sign in as a user.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("attempted_at", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempts_bucket_time").on("login_attempts").columns(["bucket", "attempted_at"]).execute();

  await db.schema
    .createTable("app_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("tags")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("label", "text", (c) => c.notNull().unique())
    .addColumn("description", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("tag_synonyms")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("tag_id", "integer", (c) => c.notNull().references("tags.id"))
    .addColumn("term", "text", (c) => c.notNull().unique())
    .addCheckConstraint("synonym_is_lower_case", sql`term = lower(term)`)
    .execute();

  await db.schema
    .createTable("event_sessions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("listed_day", "text", (c) => c.notNull())
    .addColumn("booking_url", "text")
    .addColumn("recording_url", "text")
    // Problems found in the source facts (e.g. a weekday that does not match
    // its date), kept for admins to see and resolve rather than guessed away.
    .addColumn("data_warnings", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("session_ends_after_start", sql`ends_at > starts_at`)
    .execute();

  await db.schema
    .createTable("event_speakers")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("event_session_id", "integer", (c) => c.notNull().references("event_sessions.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("organisation_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
    .addUniqueConstraint("speaker_position", ["event_session_id", "position"])
    .execute();

  await db.schema
    .createTable("event_session_tags")
    .addColumn("event_session_id", "integer", (c) => c.notNull().references("event_sessions.id"))
    .addColumn("tag_id", "integer", (c) => c.notNull().references("tags.id"))
    .addPrimaryKeyConstraint("event_session_tags_pk", ["event_session_id", "tag_id"])
    .execute();

  await db.schema
    .createTable("practice_entries")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'in_review', 'changes_requested', 'published', 'rejected', 'withdrawn', 'archived')`),
    )
    // Set once, when first published, and never changed: public links stay stable.
    .addColumn("slug", "text", (c) => c.unique())
    .addColumn("evidence_label", "text", (c) =>
      c.check(sql`evidence_label is null or evidence_label in ('worked', 'promising', 'untested', 'did_not_work')`),
    )
    .addColumn("assigned_reviewer_id", "integer", (c) => c.references("users.id"))
    // The revision being written or reviewed, and the one the public sees.
    // They differ while an update to a published entry is in progress.
    .addColumn("working_revision_id", "integer")
    .addColumn("published_revision_id", "integer")
    // Bumped on every state change so that two reviewers acting at once
    // cannot both succeed.
    .addColumn("state_version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("submitted_at", "text")
    .addColumn("first_published_at", "text")
    .addColumn("published_at", "text")
    .addColumn("archived_at", "text")
    .addColumn("archive_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("practice_entries_org").on("practice_entries").columns(["organisation_id", "updated_at"]).execute();
  await db.schema.createIndex("practice_entries_status").on("practice_entries").columns(["status", "submitted_at"]).execute();

  await db.schema
    .createTable("practice_revisions")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("entry_id", "integer", (c) => c.notNull().references("practice_entries.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    // Each save carries the version it was based on; a stale version is refused.
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    // Everything else a lead fills in (classification, contact, dates, the
    // rich-text sections as editor JSON) as one validated JSON document.
    .addColumn("content", "text", (c) => c.notNull().defaultTo("{}"))
    // Plain text of the rich-text sections, derived on save, for search and diffs.
    .addColumn("body_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("updated_by", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    // Once set, the revision is frozen (enforced by the trigger below).
    .addColumn("frozen_at", "text")
    .addUniqueConstraint("revision_number", ["entry_id", "number"])
    .execute();

  await sql`
    create trigger practice_revisions_frozen
    before update on practice_revisions
    when old.frozen_at is not null
    begin
      select raise(abort, 'revision is frozen');
    end`.execute(db);

  await db.schema
    .createTable("practice_revision_tags")
    .addColumn("revision_id", "integer", (c) => c.notNull().references("practice_revisions.id"))
    .addColumn("tag_id", "integer", (c) => c.notNull().references("tags.id"))
    .addPrimaryKeyConstraint("practice_revision_tags_pk", ["revision_id", "tag_id"])
    .execute();

  // The tags a reviewer curated for the published entry.
  await db.schema
    .createTable("practice_entry_tags")
    .addColumn("entry_id", "integer", (c) => c.notNull().references("practice_entries.id"))
    .addColumn("tag_id", "integer", (c) => c.notNull().references("tags.id"))
    .addPrimaryKeyConstraint("practice_entry_tags_pk", ["entry_id", "tag_id"])
    .execute();

  await db.schema
    .createTable("review_comments")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("entry_id", "integer", (c) => c.notNull().references("practice_entries.id"))
    .addColumn("revision_id", "integer", (c) => c.references("practice_revisions.id"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("section_key", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("review_comments_entry").on("review_comments").column("entry_id").execute();

  await db.schema
    .createTable("workflow_events")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("entry_id", "integer", (c) => c.notNull().references("practice_entries.id"))
    .addColumn("revision_id", "integer", (c) => c.references("practice_revisions.id"))
    .addColumn("actor_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("workflow_events_entry").on("workflow_events").columns(["entry_id", "id"]).execute();
  // The audit trail is append-only.
  await sql`
    create trigger workflow_events_no_update before update on workflow_events
    begin select raise(abort, 'workflow events are append-only'); end`.execute(db);
  await sql`
    create trigger workflow_events_no_delete before delete on workflow_events
    begin select raise(abort, 'workflow events are append-only'); end`.execute(db);

  await db.schema
    .createTable("notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("workflow_event_id", "integer", (c) => c.references("workflow_events.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("url", "text")
    .addColumn("read_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "read_at"]).execute();

  await db.schema
    .createTable("email_outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("notification_id", "integer", (c) => c.references("notifications.id"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("last_error", "text")
    .addColumn("sent_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("email_outbox_due").on("email_outbox").columns(["status", "next_attempt_at"]).execute();

  // Who changed accounts, organisations, tags and listings, and when.
  await db.schema
    .createTable("admin_audit")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("actor_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "admin_audit", "email_outbox", "notifications", "workflow_events", "review_comments",
    "practice_entry_tags", "practice_revision_tags", "practice_revisions", "practice_entries",
    "event_session_tags", "event_speakers", "event_sessions", "tag_synonyms", "tags",
    "app_settings", "login_attempts", "sessions", "users", "organisations",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
