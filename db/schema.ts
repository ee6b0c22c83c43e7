import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

// The application's view of the schema the migrations build. Update it together
// with every new migration; the migrations themselves never import it.

type Timestamp = ColumnType<string, string | undefined, string>;

export type Role = "force_lead" | "reviewer" | "admin";
export type OrganisationKind = "territorial_force" | "special_force" | "regional_unit" | "national_unit" | "partner";
export type EntryStatus =
  | "draft"
  | "in_review"
  | "changes_requested"
  | "published"
  | "rejected"
  | "withdrawn"
  | "archived";
export type EvidenceLabel = "worked" | "promising" | "untested" | "did_not_work";

export interface OrganisationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: OrganisationKind;
  region: string;
  active: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  organisation_id: number | null;
  disabled_at: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  bucket: string;
  attempted_at: number;
}

export interface AppSettingsTable {
  key: string;
  value: string;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  label: string;
  description: string | null;
  active: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TagSynonymsTable {
  id: Generated<number>;
  tag_id: number;
  term: string;
}

/** `other_tag_id` is broader than `tag_id`, or the two are related (then tag_id < other_tag_id). */
export interface TagRelationsTable {
  tag_id: number;
  other_tag_id: number;
  kind: "broader" | "related";
}

export interface EventSessionsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: Generated<string>;
  starts_at: string;
  ends_at: string;
  listed_day: string;
  booking_url: string | null;
  recording_url: string | null;
  data_warnings: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventSpeakersTable {
  id: Generated<number>;
  event_session_id: number;
  position: number;
  name: string;
  role: Generated<string>;
  organisation_name: Generated<string>;
  organisation_id: number | null;
}

export interface EventSessionTagsTable {
  event_session_id: number;
  tag_id: number;
}

export interface PracticeEntriesTable {
  id: Generated<number>;
  organisation_id: number;
  created_by: number;
  status: Generated<EntryStatus>;
  slug: string | null;
  evidence_label: EvidenceLabel | null;
  assigned_reviewer_id: number | null;
  working_revision_id: number | null;
  published_revision_id: number | null;
  state_version: Generated<number>;
  submitted_at: string | null;
  first_published_at: string | null;
  published_at: string | null;
  archived_at: string | null;
  archive_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PracticeRevisionsTable {
  id: Generated<number>;
  entry_id: number;
  number: number;
  version: Generated<number>;
  title: Generated<string>;
  summary: Generated<string>;
  content: Generated<string>;
  body_text: Generated<string>;
  created_by: number;
  updated_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  frozen_at: string | null;
}

export interface PracticeRevisionTagsTable {
  revision_id: number;
  tag_id: number;
}

export interface PracticeEntryTagsTable {
  entry_id: number;
  tag_id: number;
}

export interface ReviewCommentsTable {
  id: Generated<number>;
  entry_id: number;
  revision_id: number | null;
  author_id: number;
  section_key: string | null;
  body: string;
  created_at: Timestamp;
}

export interface WorkflowEventsTable {
  id: Generated<number>;
  entry_id: number;
  revision_id: number | null;
  actor_id: number;
  action: string;
  from_status: EntryStatus | null;
  to_status: EntryStatus | null;
  reason: string | null;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  workflow_event_id: number | null;
  kind: string;
  title: string;
  body: Generated<string>;
  url: string | null;
  read_at: string | null;
  created_at: Timestamp;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  notification_id: number | null;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  status: Generated<"pending" | "sent" | "failed">;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: string | null;
  created_at: Timestamp;
}

export type AccountTokenPurpose = "invitation" | "password_reset" | "email_confirmation";

export interface AccountTokensTable {
  id: Generated<number>;
  token_hash: string;
  purpose: AccountTokenPurpose;
  user_id: number | null;
  account_request_id: number | null;
  created_at: Timestamp;
  expires_at: string;
  used_at: string | null;
}

export type AccountRequestStatus = "unconfirmed" | "pending" | "approved" | "declined";

export interface AccountRequestsTable {
  id: Generated<number>;
  name: string;
  email: string;
  organisation_id: number;
  role: Role;
  reason: string;
  status: Generated<AccountRequestStatus>;
  confirmed_at: string | null;
  decided_by: number | null;
  decided_at: string | null;
  decline_reason: string | null;
  created_at: Timestamp;
}

export interface OrganisationEmailDomainsTable {
  id: Generated<number>;
  organisation_id: number;
  domain: string;
}

export interface AdminAuditTable {
  id: Generated<number>;
  actor_id: number;
  action: string;
  subject: string;
  detail: Generated<string>;
  created_at: Timestamp;
}

// The search index (migration 002), written only by app/models/search.server.ts.
// Its FTS5 table (search_fts) is left out on purpose: only that module
// queries it, with raw SQL.
export interface SearchDocumentsTable {
  id: Generated<number>;
  kind: "practice" | "session";
  ref_id: number;
  organisation_id: number | null;
  region: string | null;
  evidence_label: EvidenceLabel | null;
  sort_date: string;
  slug: string;
  starts_at: string | null;
  ends_at: string | null;
  title: Generated<string>;
  summary: Generated<string>;
  tags_text: Generated<string>;
  organisation_text: Generated<string>;
  body: Generated<string>;
}

export interface SearchDocumentTagsTable {
  document_id: number;
  tag_id: number;
}

export interface SearchTermsTable {
  term: string;
  docs: number;
}

export interface SearchStateTable {
  id: number;
  /** Moves on every change to search_documents or search_document_tags. */
  generation: number;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  app_settings: AppSettingsTable;
  tags: TagsTable;
  tag_synonyms: TagSynonymsTable;
  tag_relations: TagRelationsTable;
  event_sessions: EventSessionsTable;
  event_speakers: EventSpeakersTable;
  event_session_tags: EventSessionTagsTable;
  practice_entries: PracticeEntriesTable;
  practice_revisions: PracticeRevisionsTable;
  practice_revision_tags: PracticeRevisionTagsTable;
  practice_entry_tags: PracticeEntryTagsTable;
  review_comments: ReviewCommentsTable;
  workflow_events: WorkflowEventsTable;
  notifications: NotificationsTable;
  email_outbox: EmailOutboxTable;
  admin_audit: AdminAuditTable;
  account_tokens: AccountTokensTable;
  account_requests: AccountRequestsTable;
  organisation_email_domains: OrganisationEmailDomainsTable;
  search_documents: SearchDocumentsTable;
  search_document_tags: SearchDocumentTagsTable;
  search_terms: SearchTermsTable;
  search_state: SearchStateTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Tag = Selectable<TagsTable>;
export type EventSession = Selectable<EventSessionsTable>;
export type EventSpeaker = Selectable<EventSpeakersTable>;
