/**
 * A service's dead letters as an admin handles them over HTTP (`/admin/dead-letters`, routes every
 * service has): the messaging module provides it, the platform serves it, so neither knows the
 * other's insides. A service without messaging has none, and its routes answer 404.
 */
export const DEAD_LETTER_ADMIN = Symbol('DEAD_LETTER_ADMIN');

/**
 * Why a consumer gave up on a message: not a CloudEvent, no contract for its type, data that does
 * not fit its contract, refused by a rule (or a PermanentError), or still failing after retries.
 */
export const DEAD_LETTER_REASONS = [
  'unparseable',
  'unknown-type',
  'invalid',
  'rejected',
  'failed-after-retries',
] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

export interface DeadLetterRedriver {
  agencyId: string;
  clientId: string;
  userId?: string;
}

/** One message a consumer of the service gave up on, as recorded. */
export interface AdministeredDeadLetter {
  id: number;
  consumerGroup: string;
  reason: DeadLetterReason;
  /** Names fields, rules and codes, never values. */
  detail: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  value: Buffer;
  failedAt: Date;
  redrivenAt: Date | null;
  redrivenBy: DeadLetterRedriver | null;
  redriveReason: string | null;
  /**
   * When a person it names was erased (UU 27/2022): since then its value is only the erased mark
   * (`{"$erased":true}`), its headers only the CloudEvents ones, and it is never sent again.
   */
  erasedAt: Date | null;
}

export type DeadLetterRedrive =
  | { kind: 'redriven'; letter: AdministeredDeadLetter }
  | { kind: 'not-found' }
  | { kind: 'already-redriven'; letter: AdministeredDeadLetter }
  | { kind: 'erased'; letter: AdministeredDeadLetter };

export interface DeadLetterAdmin {
  /** Oldest first: those after the id `after`, at most `limit`. */
  page(options: { after?: number; limit: number }): Promise<AdministeredDeadLetter[]>;
  find(id: number): Promise<AdministeredDeadLetter | undefined>;
  /** Sends it again to its topic and records who and why; one redriven already only when forced, an erased one never. */
  redrive(id: number, request: { by: DeadLetterRedriver; reason: string; force: boolean }): Promise<DeadLetterRedrive>;
}
