/**
 * How a service's event store verifies itself, for the admin route every service has
 * (`POST /admin/store-verifications`): the event store's Nest module provides it, the platform
 * serves it, so neither knows the other's insides.
 */
export const STORE_VERIFIER = Symbol('STORE_VERIFIER');

export const STORE_BREAK_KINDS = [
  'event-altered',
  'event-missing',
  'stream-head-mismatch',
  'stream-head-missing',
  'stream-missing',
  'seal-mismatch',
  'seal-signature-invalid',
  'seal-key-unknown',
] as const;
export type StoreBreakKind = (typeof STORE_BREAK_KINDS)[number];

export interface StoreBreak {
  kind: StoreBreakKind;
  streamId?: string;
  streamVersion?: number;
  position?: string;
  eventId?: string;
  sealNumber?: number;
  detail: string;
}

export interface StoreVerificationReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  sealsChecked: number;
  unsignedSeals: number;
  unsealedEvents: number;
  breaks: StoreBreak[];
  breaksTruncated: boolean;
}

export interface StoreVerifier {
  /** The store's PostgreSQL schema. */
  readonly schema: string;
  /** Verifies the whole store now, with the public keys of the service's configuration. */
  verify(): Promise<StoreVerificationReport>;
}
