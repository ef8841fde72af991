import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table interfaces, written by hand. Times are ISO-8601 strings and JSON is
 * text, so the same rows work on SQLite, D1 and PostgreSQL.
 */
export interface RawMessagesTable {
  id: Generated<number>;
  channel: string;
  received_at: string;
  sha256: string;
  message_id: string | null;
  origin: string | null;
  raw: Uint8Array;
  state: string;
  error: string | null;
  case_id: number | null;
}

export interface AttachmentsTable {
  id: Generated<number>;
  message_id: number;
  sha256: string;
  filename: string | null;
  content_type: string;
  size: number;
  text: string | null;
  problem: string | null;
  stored: number;
}

export interface CasesTable {
  id: Generated<number>;
  number: string;
  status: string;
  kind: string;
  platform: string | null;
  assignee: string | null;
  complainant_email: string | null;
  rights_owner: string | null;
  /** Copy of complaint.iprType for the queue filter; null on cases older than the column. */
  ipr_type: string | null;
  /** 0 when the status is one a reviewer acts on (NEEDS_ACTION), 1 otherwise: the queue's first sort key. Set by the cases repository. */
  queue_rank: ColumnType<number, number | undefined, number | undefined>;
  /** What the queue search looks through; set by the cases repository from the complaint. */
  search_text: ColumnType<string | null, string | null | undefined, string | null | undefined>;
  parent_case_id: number | null;
  complaint: string;
  findings: string;
  due_at: string | null;
  /** When a reviewer is due to act (needs action), or the sender's answer is due (waiting); see the case-sla migration. */
  sla_due_at: ColumnType<string | null, string | null | undefined, string | null | undefined>;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CaseStatusCountsTable {
  status: string;
  n: number;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  at: string;
  actor_type: string;
  actor_id: string;
  actor_name: string | null;
  type: string;
  from_status: string | null;
  to_status: string | null;
  data: string;
}

export interface CaseMessagesTable {
  case_id: number;
  message_id: number;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface OutboxTable {
  id: Generated<number>;
  case_id: number | null;
  kind: string;
  to_address: string;
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
  template: string | null;
  vars: string;
  language: string;
  in_reply_to: string | null;
  references: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface MailboxCheckpointsTable {
  mailbox: string;
  uid_validity: string;
  last_uid: number;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string | null;
  password_hash: string;
  role: string;
  slack_user_id: string | null;
  created_at: string;
  /** Set when an admin disabled the account. */
  disabled_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** A named lease held until `expires_at` (the D1 store's transaction lock). */
export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** Webhook outbox: one row per event and endpoint; `status` is pending, delivered or failed (gave up). */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  event_id: string;
  type: string;
  case_id: number | null;
  endpoint: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_holder: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** A named queue filter; `query` is the queue's query string, `shared` 1 when every reviewer sees it. */
export interface SavedViewsTable {
  id: Generated<number>;
  name: string;
  owner: string;
  shared: number;
  query: string;
  created_at: string;
}

/** A canned text for a decision's note, per language. */
export interface MacrosTable {
  id: Generated<number>;
  name: string;
  language: string;
  body: string;
  updated_by: string;
  updated_at: string;
}

export interface Database {
  raw_messages: RawMessagesTable;
  attachments: AttachmentsTable;
  cases: CasesTable;
  case_status_counts: CaseStatusCountsTable;
  /** Cases nobody holds, per status (kept by triggers). */
  case_unassigned_counts: CaseStatusCountsTable;
  case_events: CaseEventsTable;
  case_messages: CaseMessagesTable;
  counters: CountersTable;
  outbox: OutboxTable;
  mailbox_checkpoints: MailboxCheckpointsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  leases: LeasesTable;
  webhook_deliveries: WebhookDeliveriesTable;
  saved_views: SavedViewsTable;
  macros: MacrosTable;
}

export type RawMessageRow = Selectable<RawMessagesTable>;
export type CaseRow = Selectable<CasesTable>;
export type NewCaseRow = Insertable<CasesTable>;
export type CaseUpdate = Updateable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type UserRow = Selectable<UsersTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;
export type Json = ColumnType<string, string, string>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
