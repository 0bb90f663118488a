import { defineContract, type Contract } from '../contract';
import { instant, record, uuid } from '../schema/vocabulary';

/** At most this many event ids name a redelivery's selection. */
export const MAX_SELECTED_EVENT_IDS = 1_000;

const position: { type: 'string'; pattern: string } = { type: 'string', pattern: '^\\d{1,20}\\.\\d{1,20}$' };
/** A Kafka topic or consumer group name: what both may hold, and what a topic name may be made of. */
export const TOPIC_OR_GROUP_NAME = '^[A-Za-z0-9._-]{1,200}$';
const topicOrGroup = { type: 'string', pattern: TOPIC_OR_GROUP_NAME };

/** Which of its published events an admin had a service send again: every criterion given narrows it. */
export interface RedeliverySelectionV1 {
  /** Global positions (`<transaction>.<sequence>`), both inclusive. */
  fromPosition?: string;
  toPosition?: string;
  /** When the store recorded the events, both inclusive. */
  from?: string;
  to?: string;
  eventIds?: string[];
  personId?: string;
  /** One topic the service publishes on, by its name in the contracts. */
  topic?: string;
}

/**
 * An admin had the service publish some of its integration events again, with their own CloudEvents
 * ids (receivers that handled them skip them by their inbox). What was sent, how many, where, never
 * why: the reason is the admin's free text, kept in the service's own store (`RedeliveryRequested`
 * in its stream `redeliveries`, under this redeliveryId) with the ids themselves.
 */
export interface RedeliveryRequestedV1 {
  redeliveryId: string;
  requestedAt: string;
  selection: RedeliverySelectionV1;
  /** The one consumer group it went to, on `<topic>.redelivery.<group>`; null: every consumer, on the topic itself. */
  consumerGroup: string | null;
  /** Where the events went, by the names in the contracts (without an installation's prefix). */
  topics: string[];
  events: number;
  firstPosition: string;
  lastPosition: string;
  /** SHA-256 (hex) of the events' ids in the order sent, each followed by a newline. */
  eventIdsDigest: string;
}

/**
 * The contract of a service's redeliveries, on the service's own topic, so that the audit service's
 * ledger records each beside the events it sent again. Each publishing service lists its own in its
 * `*_CONTRACTS` (e.g. `id.lintas.intake.redelivery.requested.v1`).
 */
export function redeliveryRequestedContract(service: string, topic: string): Contract<RedeliveryRequestedV1> {
  return defineContract<RedeliveryRequestedV1>({
    name: `id.lintas.${service}.redelivery.requested`,
    version: 1,
    topic,
    schema: record({
      redeliveryId: uuid,
      requestedAt: instant,
      selection: record(
        {},
        {
          fromPosition: position,
          toPosition: position,
          from: instant,
          to: instant,
          eventIds: { type: 'array', items: uuid, minItems: 1, maxItems: MAX_SELECTED_EVENT_IDS },
          personId: uuid,
          topic: topicOrGroup,
        },
      ),
      consumerGroup: { ...topicOrGroup, type: ['string', 'null'] },
      topics: { type: 'array', items: topicOrGroup, minItems: 1, maxItems: 100 },
      events: { type: 'integer', minimum: 1 },
      firstPosition: position,
      lastPosition: position,
      eventIdsDigest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    }),
  });
}
