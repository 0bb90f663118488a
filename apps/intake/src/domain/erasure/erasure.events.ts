import type { DomainEvent } from '@lintas/event-store/decider';
import type { EventDefinition } from '@lintas/event-store/events/event-registry';

/**
 * The grounds on which UU 27/2022 lets (or makes) a controller erase personal data: the person's
 * own request (Pasal 8), the purpose fulfilled (Pasal 43), processing found unlawful, an order of
 * a court. A code, not free text: the record of an erasure must hold nothing of the person.
 */
export const ERASURE_GROUNDS = [
  'data-subject-request',
  'purpose-fulfilled',
  'unlawful-processing',
  'court-order',
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

/**
 * A person's data was erased: every key that seals it, in every service, is to be destroyed.
 * `persons` is the person and every record linked with them, erased together.
 */
export type PersonErased = DomainEvent<
  'PersonErased',
  {
    personId: string;
    persons: string[];
    ground: ErasureGround;
    /** The article or decision it rests on, e.g. `UU 27/2022 Pasal 8`, or a court decision's number. */
    legalBasis: string;
    erasedBy: string;
    erasedAt: string;
  }
>;

export type ErasureEvent = PersonErased;

export const ERASURE_EVENT_DEFINITIONS: EventDefinition[] = [
  { type: 'PersonErased', schemaVersion: 1, personalFields: [] },
];
