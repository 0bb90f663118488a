import type { RedeliveryRequestedV1 } from '@lintas/contracts/admin/redelivery.contracts';
import type { DomainEvent } from '@lintas/event-store/decider';
import type { EventDefinition } from '@lintas/event-store/events/event-registry';

/** The stream of a service's store that records every redelivery of its events. */
export const REDELIVERIES_STREAM = 'redeliveries';

/**
 * An admin had the service publish some of its events again: who (the metadata's actor), why, what
 * they selected, where the events went, and which they were. The integration event says the same
 * without the reason (an admin's free text) and with a digest of the ids instead of the ids.
 */
export type RedeliveryRequested = DomainEvent<
  'RedeliveryRequested',
  RedeliveryRequestedV1 & {
    reason: string;
    /** In the order sent. */
    eventIds: string[];
  }
>;

/** No personal field: the reason is the admin's words about a delivery (the route asks them to name no one). */
export const REDELIVERY_REQUESTED: EventDefinition = {
  type: 'RedeliveryRequested',
  schemaVersion: 1,
  personalFields: [],
};
