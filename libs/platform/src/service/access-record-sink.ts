/** One access record as the service's `access_records` holds it: ids and field names, no personal values. */
export interface AccessRecord {
  /** The row's id (a decimal number). */
  id: string;
  /** When it was written, ISO 8601. */
  at: string;
  outcome: 'granted' | 'refused';
  /** The HTTP status the caller got. */
  status: number;
  method: string;
  /** The route's pattern (`/cases/:caseId`). */
  route: string;
  /** The path's parameters: the ids asked for. */
  params: Record<string, string>;
  personIds: string[];
  /** The personal fields the answer carried (paths in its body). */
  fields: string[];
  /** Why it was refused, or under which emergency access it was granted. */
  reason?: string;
  clientId: string | null;
  agencyId: string | null;
  agencyKind: string | null;
  userId: string | null;
}

/** One SQL statement and its parameters. */
export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Where a service's access records go besides its own table: the messaging module provides one
 * (ACCESS_RECORD_SINK) that writes each to the service's outbox for the audit service's ledger, so
 * that the platform, which writes the records, knows nothing of messages. `withRecord` wraps the
 * record's INSERT (which returns the row's `id`) into one statement that writes the message too:
 * one round trip, the record and its message committed together or not at all — a read costs one
 * statement, as it did before its records left for the ledger.
 */
export interface AccessRecordSink {
  /** `record` is the row as it will be, its `id` not yet known: the statement puts it in the message. */
  withRecord(insert: Statement, record: AccessRecord): Statement;
  /** After the record's statement committed (wakes whatever ships the message). */
  committed(): void;
}

export const ACCESS_RECORD_SINK = Symbol('ACCESS_RECORD_SINK');
