import { randomUUID } from 'node:crypto';
import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import type { NewEvent } from '@lintas/event-store/events/event-types';

/** Event types for the store's own tests: small, with and without personal fields. */
export const SAMPLE_DEFINITIONS: EventDefinition[] = [
  { type: 'PickupReported', schemaVersion: 1, personalFields: [] },
  { type: 'PersonIdentified', schemaVersion: 1, personalFields: ['name', 'nik', 'address'] },
  { type: 'NoteRecorded', schemaVersion: 1, personalFields: [] },
];

export function sampleEvent(
  type = 'PickupReported',
  data: object = { at: 'Jl. Pahlawan' },
  personId?: string,
): NewEvent {
  return {
    type,
    data,
    metadata: {
      occurredAt: '2026-11-20T08:15:00.000Z',
      correlationId: randomUUID(),
      causationId: null,
      actor: { agencyId: 'satpol-pp-3578', clientId: 'test' },
      ...(personId ? { personId } : {}),
    },
  };
}
