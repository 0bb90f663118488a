import { defineContract } from '@lintas/contracts/contract';
import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import type { Publications } from '@lintas/messaging/outbox/integration-mapper';

/** A small published event for the messaging tests: one note per person, numbered. */
export interface NoteRecorded {
  personId: string;
  n: number;
}

export function noteRecordedContract(topic: string) {
  return defineContract<NoteRecorded>({
    name: 'id.lintas.test.note.recorded',
    version: 1,
    topic,
    schema: {
      type: 'object',
      properties: { personId: { type: 'string' }, n: { type: 'integer' } },
      required: ['personId', 'n'],
      additionalProperties: false,
    },
  });
}

export const NOTE_DEFINITIONS: EventDefinition[] = [{ type: 'NoteRecorded', schemaVersion: 1, personalFields: [] }];

export function notePublications(topic: string): Publications {
  const contract = noteRecordedContract(topic);
  return { NoteRecorded: (event) => ({ contract, data: event.data }) };
}
