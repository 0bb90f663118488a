import type { EventDefinition } from '@lintas/event-store/events/event-registry';

/**
 * No personal fields: the ledger keeps integration events, which carry none (see LedgerEntryData),
 * and the outcomes of verifications, which name streams and events, not persons.
 */
export const LEDGER_EVENT_DEFINITIONS: EventDefinition[] = [
  { type: 'LedgerEntryRecorded', schemaVersion: 1, personalFields: [] },
  { type: 'VerificationRecorded', schemaVersion: 1, personalFields: [] },
];
