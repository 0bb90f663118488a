import { randomUUID } from 'node:crypto';
import { defineContract } from '@lintas/contracts/contract';
import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import { toKafkaMessage } from '@lintas/messaging/cloudevents/kafka-binary-binding';
import type { Publications } from '@lintas/messaging/outbox/integration-mapper';
import type { OutgoingMessage } from '@lintas/messaging/transport/transport';

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

/**
 * A note as a producer outside Lintas would put it on the topic: a CloudEvent in Kafka's binary
 * binding, keyed by the person. `data` is whatever the test needs, valid or not; `id` repeats one to redeliver it.
 */
export function noteMessage(
  topic: string,
  source: string,
  personId: string,
  data: unknown,
  id: string = randomUUID(),
): OutgoingMessage {
  return toKafkaMessage(
    {
      specversion: '1.0',
      id,
      source,
      type: noteRecordedContract(topic).type,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data,
    },
    topic,
    personId,
  );
}
