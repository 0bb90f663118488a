import type { DomainEvent } from '@lintas/event-store/decider';

/**
 * One integration event of another service, or one of its access records, as the ledger keeps it:
 * the CloudEvent's attributes and data, unchanged (an access record naming several persons is kept
 * once per person, `personId` that person's: see access-records.ts). Contracts carry ids, codes and
 * dates, never names, NIK or diagnoses (docs/domain.md, "Personal data"); an access record names
 * fields, not what they held; so the ledger holds no personal data of its own.
 */
export interface LedgerEntryData {
  eventId: string;
  /** The publishing service, e.g. `/lintas/health-liaison`. */
  source: string;
  /** The contract type with its version. */
  type: string;
  /** When it happened, as the publisher said. */
  time: string;
  /** The person it is about (the CloudEvent's subject; an access record's copy: the person it is filed under). */
  personId: string | null;
  correlationId: string | null;
  causationId: string | null;
  /** The agency that acted and its system, where the publisher said. */
  actorAgencyId: string | null;
  actorClientId: string | null;
  data: unknown;
}

export type LedgerEntryRecorded = DomainEvent<'LedgerEntryRecorded', LedgerEntryData>;

export type LedgerEvent = LedgerEntryRecorded;
