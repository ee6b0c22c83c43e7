import { sql, type Kysely } from "kysely";

// Accounts a real service can run on (issue 10): one-time links, account
// requests, organisations' email domains and an HTML part for emails.
// Uses Kysely<any> and no application types, like every migration.

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  // Account requests come first: a confirmation token points at one.
  await db.schema
    .createTable("account_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('force_lead', 'reviewer', 'admin')`))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("unconfirmed").check(sql`status in ('unconfirmed', 'pending', 'approved', 'declined')`),
    )
    .addColumn("confirmed_at", "text")
    .addColumn("decided_by", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("decline_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("account_request_email_is_lower_case", sql`email = lower(email)`)
    .execute();
  await db.schema.createIndex("account_requests_status").on("account_requests").columns(["status", "created_at"]).execute();

  // One table for every one-time link. Only a SHA-256 of the token is kept,
  // so a copy of the database cannot be used to set anyone's password.
  await db.schema
    .createTable("account_tokens")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) =>
      c.notNull().check(sql`purpose in ('invitation', 'password_reset', 'email_confirmation')`),
    )
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("account_request_id", "integer", (c) => c.references("account_requests.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addCheckConstraint(
      "account_token_has_one_subject",
      sql`(purpose = 'email_confirmation' and account_request_id is not null and user_id is null)
        or (purpose <> 'email_confirmation' and user_id is not null and account_request_id is null)`,
    )
    .execute();
  await db.schema.createIndex("account_tokens_user").on("account_tokens").columns(["user_id", "purpose"]).execute();

  // Addresses an organisation's staff use, so a request from a matching
  // address can be marked as such for the admins.
  await db.schema
    .createTable("organisation_email_domains")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("domain", "text", (c) => c.notNull().unique())
    .addCheckConstraint("email_domain_is_lower_case", sql`domain = lower(domain)`)
    .execute();

  await db.schema.alterTable("email_outbox").addColumn("body_html", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("email_outbox").dropColumn("body_html").execute();
  for (const table of ["organisation_email_domains", "account_tokens", "account_requests"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
