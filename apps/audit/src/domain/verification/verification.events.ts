import type { DomainEvent } from '@lintas/event-store/decider';

/** One broken link, named well enough to find it: where in which store or tree, and what. */
export interface RecordedBreak {
  kind: string;
  detail: string;
  streamId?: string;
  streamVersion?: number;
  position?: string;
  eventId?: string;
  leafIndex?: number;
  treeSize?: number;
  sealNumber?: number;
}

export interface VerificationRecordedData {
  verificationId: string;
  /** What was verified: a service's store, or `ledger` (the audit service's tree and checkpoints). */
  subject: string;
  ok: boolean;
  checked: number;
  /** At most the first 100 breaks; `breakCount` says how many there were. */
  breaks: RecordedBreak[];
  breakCount: number;
  trigger: 'request' | 'schedule';
  reason: string | null;
}

/** A verification's outcome, kept in the ledger's own store: an admin's check is itself part of the record. */
export type VerificationRecorded = DomainEvent<'VerificationRecorded', VerificationRecordedData>;
