import type { LedgerEntry } from '@lintas/evidence/ledger-entry';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { LedgerEntryRecorded } from './ledger.events';

/**
 * What a leaf of the ledger's tree commits to: the entry as received, and when the ledger recorded
 * it. An evidence bundle carries exactly this object, so anyone can hash it again.
 */
export function ledgerLeafOf(event: RecordedEvent & LedgerEntryRecorded): LedgerEntry {
  const { data } = event;
  return {
    eventId: data.eventId,
    source: data.source,
    type: data.type,
    time: data.time,
    personId: data.personId,
    correlationId: data.correlationId,
    causationId: data.causationId,
    actorAgencyId: data.actorAgencyId,
    actorClientId: data.actorClientId,
    recordedAt: event.metadata.recordedAt,
    data: data.data,
  };
}
