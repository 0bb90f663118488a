import type { PoolClient } from 'pg';

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

/**
 * Where a service's access records go besides its own table: the messaging module provides one
 * (ACCESS_RECORD_SINK) that writes each to the service's outbox for the audit service's ledger, so
 * that the platform, which writes the records, knows nothing of messages. `written` runs in the
 * record's own transaction: the record and what the sink wrote commit together or not at all.
 */
export interface AccessRecordSink {
  written(client: PoolClient, record: AccessRecord): Promise<void>;
  /** After the record's transaction committed (wakes whatever ships what `written` wrote). */
  committed(): void;
}

export const ACCESS_RECORD_SINK = Symbol('ACCESS_RECORD_SINK');
