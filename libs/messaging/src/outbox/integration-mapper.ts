import type { AnyContract, Contract, FieldProblem } from '@lintas/contracts/contract';
import type { DomainEvent } from '@lintas/event-store/decider';
import type { IntegrationMapper } from '@lintas/event-store/event-store';
import { traceContextFields } from '@lintas/platform/tracing/trace-context';
import type { CloudEvent } from '../cloudevents/cloud-event';
import { toKafkaMessage } from '../cloudevents/kafka-binary-binding';
import type { OutgoingMessage } from '../transport/transport';

export interface Publication {
  contract: AnyContract;
  data: unknown;
}

type StoredEvent = Parameters<IntegrationMapper>[0];

/** For each domain event type a service publishes: the contract and data other services receive. */
export type Publications = Readonly<Record<string, (event: StoredEvent) => Publication | undefined>>;

/** A contract and its data, checked by the compiler against each other. */
export const publication = <Data>(contract: Contract<Data>, data: NoInfer<Data>): Publication => ({ contract, data });

/** Per event type of a service, what other services hear of it, from the event's typed data. */
export type PublishersOf<Event extends DomainEvent> = {
  [Type in Event['type']]?: (data: Extract<Event, { type: Type }>['data']) => Publication | undefined;
};

/**
 * A service's publications from publishers typed by its event union. The store hands the mapper
 * stored events untyped; a service's store holds only its own event types, each with that
 * type's data, so an event's type names the shape of its data: this is the one place that trusts it.
 */
export function publicationsOf<Event extends DomainEvent>(publishers: PublishersOf<Event>): Publications {
  return Object.fromEntries(
    Object.entries(publishers).map(([type, publish]) => [
      type,
      (event: StoredEvent) => (publish as (data: unknown) => Publication | undefined)(event.data),
    ]),
  );
}

export class InvalidIntegrationEventError extends Error {
  constructor(
    readonly type: string,
    readonly problems: FieldProblem[],
  ) {
    super(`${type} does not fit its contract: ${problems.map((p) => `${p.path || '(data)'} ${p.message}`).join('; ')}`);
    this.name = 'InvalidIntegrationEventError';
  }
}

/**
 * The event store's integration mapper for one service: each published event becomes a CloudEvent
 * checked against its contract before it is written, keyed by the person so that one person's
 * events stay in order on one partition (by the stream where there is no person). It names the
 * types it publishes, so that a selection of published events (a redelivery) reads only those.
 */
export function integrationMapper(source: string, publications: Publications): IntegrationMapper {
  const map = (event: StoredEvent) => {
    const publication = publications[event.type]?.(event);
    return publication && integrationMessage(source, event, publication);
  };
  return Object.assign(map, { types: Object.freeze(Object.keys(publications)) });
}

/**
 * A stored event as the message other services receive, once its data fits its contract: the one
 * way a Lintas service's event becomes a CloudEvent on a topic.
 */
export function integrationMessage(source: string, event: StoredEvent, publication: Publication): OutgoingMessage {
  const checked = publication.contract.validate(publication.data);
  if (!checked.ok) throw new InvalidIntegrationEventError(publication.contract.type, checked.problems);
  const cloudEvent: CloudEvent = {
    specversion: '1.0',
    id: event.id,
    source,
    type: publication.contract.type,
    time: event.metadata.occurredAt,
    ...(event.metadata.personId ? { subject: event.metadata.personId } : {}),
    datacontenttype: 'application/json',
    correlationid: event.metadata.correlationId,
    ...(event.metadata.causationId ? { causationid: event.metadata.causationId } : {}),
    actoragencyid: event.metadata.actor.agencyId,
    actorclientid: event.metadata.actor.clientId,
    // The append's span, active here: the next service's handling of the event becomes its child.
    ...traceContextFields(),
    data: publication.data,
  };
  return toKafkaMessage(cloudEvent, publication.contract.topic, event.metadata.personId ?? event.streamId);
}
