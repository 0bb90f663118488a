import type { PoolClient } from 'pg';
import type { Contract } from '@lintas/contracts/contract';
import type { EventMetadata } from '@lintas/event-store/events/event-types';
import type { CloudEvent } from '../cloudevents/cloud-event';

/** An integration event as a reaction receives it: checked against its contract, typed. */
export interface Received<Data> {
  id: string;
  source: string;
  type: string;
  time: string;
  personId?: string;
  correlationId?: string;
  data: Data;
}

/**
 * A process-manager step (STYLE.md §5): another service's event becomes a command here. It runs
 * inside the inbox's transaction, so its writes, the inbox row and nothing else commit together:
 * a redelivered event never reaches it twice. Throw PermanentError for an event that can never
 * be handled (it goes to the dead letters with the reason); anything else is retried.
 */
export interface Reaction<Data = unknown> {
  readonly contract: Contract<Data>;
  handle(event: Received<Data>, transaction: PoolClient): Promise<void>;
}

export function received<Data>(event: CloudEvent): Received<Data> {
  return {
    id: event.id,
    source: event.source,
    type: event.type,
    time: event.time,
    ...(event.subject ? { personId: event.subject } : {}),
    ...(event.correlationid ? { correlationId: event.correlationid } : {}),
    data: event.data as Data,
  };
}

/**
 * Metadata for what a reaction appends: caused by the event, in the same journey (correlation),
 * done by the service on behalf of the agency whose hand-over it was.
 */
export function reactionMetadata(
  event: Received<unknown>,
  service: string,
  personId?: string,
): Omit<EventMetadata, 'recordedAt'> {
  const person = personId ?? event.personId;
  return {
    occurredAt: event.time,
    correlationId: event.correlationId ?? event.id,
    causationId: event.id,
    actor: { agencyId: `lintas-${service}`, clientId: `reaction:${event.type}` },
    ...(person ? { personId: person } : {}),
  };
}
