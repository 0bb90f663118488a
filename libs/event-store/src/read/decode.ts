import type { EventRegistry } from '../events/event-registry';
import type { EventMetadata, RecordedEvent } from '../events/event-types';
import type { PersonalDataCipher } from '../personal-data-cipher';
import type { GlobalPosition } from '../position';

/**
 * An events row as the readers select it: text columns in a fixed order, fetched as arrays
 * (rowMode 'array'), which spares the driver building an object per row on long replays.
 */
export type EventRow = [
  streamId: string,
  streamVersion: number,
  transactionId: string,
  sequence: string,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
];

// The casts keep the column names, so an ORDER BY beside them must qualify its columns
// (events.sequence): unqualified, it would sort by the text outputs.
export const EVENT_COLUMNS = `stream_id, stream_version, transaction_id::text, sequence::text, event_id::text, type,
  schema_version, data::text, metadata::text`;

export function rowPosition(row: EventRow): GlobalPosition {
  return { transactionId: BigInt(row[2]), sequence: BigInt(row[3]) };
}

/**
 * Stored rows into events as their readers know them: personal fields opened (or shown as erased
 * when the person's key was destroyed), then upcast to the current schema version. A type the
 * registry does not know (written by a newer release) is passed on as stored.
 */
export async function decodeRows(
  rows: EventRow[],
  registry: EventRegistry,
  cipher: PersonalDataCipher | undefined,
): Promise<RecordedEvent[]> {
  const events = rows.map(
    ([streamId, streamVersion, , , id, type, schemaVersion, data, metadata], i): RecordedEvent => ({
      id,
      streamId,
      streamVersion,
      position: rowPosition(rows[i]),
      type,
      schemaVersion,
      data: JSON.parse(data) as unknown,
      metadata: JSON.parse(metadata) as EventMetadata,
    }),
  );

  const sealed: { index: number; personId: string; data: object; paths: readonly string[] }[] = [];
  events.forEach((event, index) => {
    const paths = registry.knows(event.type) ? registry.definitionOf(event.type).personalFields : [];
    if (paths.length > 0 && event.metadata.personId && typeof event.data === 'object' && event.data !== null) {
      sealed.push({ index, personId: event.metadata.personId, data: event.data, paths });
    }
  });
  if (sealed.length > 0) {
    if (!cipher) throw new Error('events hold personal data but the store has no cipher to open it');
    const opened = await cipher.openMany(sealed);
    sealed.forEach(({ index }, i) => {
      const event = events[index];
      if (event) event.data = opened[i];
    });
  }

  for (const event of events) {
    if (!registry.knows(event.type)) continue;
    const current = registry.upcast(event.type, event.schemaVersion, event.data);
    event.data = current.data;
    event.schemaVersion = current.schemaVersion;
  }
  return events;
}
