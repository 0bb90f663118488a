import { createHash } from 'node:crypto';
import type { Contract } from '@lintas/contracts/contract';
import type { RedeliveryRequestedV1 } from '@lintas/contracts/admin/redelivery.contracts';
import type { EventMetadata } from '@lintas/event-store/events/event-types';
import type { EventSelection, EventStore } from '@lintas/event-store/event-store';
import { formatPosition, parsePosition } from '@lintas/event-store/position';
import {
  MAX_REDELIVERED_EVENTS,
  type Redeliverer,
  type RedeliveryOutcome,
  type RedeliveryRequest,
  type RedeliverySelection,
} from '@lintas/platform/service/redeliverer';
import { REDELIVERY_ID_HEADER } from '../cloudevents/kafka-binary-binding';
import { integrationMessage, publication } from '../outbox/integration-mapper';
import type { OutgoingMessage, Transport } from '../transport/transport';
import { REDELIVERIES_STREAM, REDELIVERY_REQUESTED, type RedeliveryRequested } from './redelivery-requested';
import { redeliveryTopic, redeliveryTopicSpec } from './redelivery-topic';

export interface RedeliveriesOptions {
  /** The CloudEvents source of the service's events: `/lintas/<service>`. */
  source: string;
  /** The service's contract of its redeliveries, on its own topic. */
  contract: Contract<RedeliveryRequestedV1>;
  /** At most this many events at once; MAX_REDELIVERED_EVENTS unless given. */
  maxEvents?: number;
  now?: () => Date;
}

/**
 * A service's redeliveries: the events of a selection that the service publishes, mapped again by
 * its integration mapper (so with their own CloudEvents ids), written to its outbox, which ships
 * them as it ships everything (at least once, each person's in order) — to the topics they were
 * first published on, or to one consumer group's redelivery topics. In the same transaction the
 * store records the redelivery (`RedeliveryRequested` in the stream `redeliveries`) and the outbox
 * takes its integration event, which the audit service's ledger keeps.
 *
 * Receivers are idempotent: an inbox that handled an event skips it, so a redelivery changes
 * nothing where the events arrived, and completes what a receiver missed.
 */
export class Redeliveries implements Redeliverer {
  private readonly maxEvents: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: EventStore,
    private readonly transport: Pick<Transport, 'createTopics'>,
    private readonly options: RedeliveriesOptions,
  ) {
    this.maxEvents = options.maxEvents ?? MAX_REDELIVERED_EVENTS;
    this.now = options.now ?? (() => new Date());
    // The record is this service's own event: its store learns the type where it is written.
    if (!store.registry.knows(REDELIVERY_REQUESTED.type)) store.registry.register(REDELIVERY_REQUESTED);
  }

  async redeliver(request: RedeliveryRequest): Promise<RedeliveryOutcome> {
    const { selection, consumerGroup } = request;
    return this.store.transaction(async (client) => {
      const found = await this.store.selectPublished(eventSelection(selection), {
        maxCount: this.maxEvents,
        within: client,
      });
      if (found.total > this.maxEvents) return { kind: 'too-many', count: found.total, max: this.maxEvents };
      const events = found.events.filter(({ message }) => !selection.topic || message.topic === selection.topic);
      const first = events[0];
      const last = events.at(-1);
      if (!first || !last) return { kind: 'nothing-selected' };
      if (consumerGroup !== undefined) {
        // Before a message for them is written: the relay cannot ship to a topic that does not exist,
        // and the rest of the outbox would wait behind it. Creating one that exists changes nothing.
        const topics = [...new Set(events.map(({ message }) => message.topic))];
        await this.transport.createTopics(topics.map((topic) => targetTopic(topic, consumerGroup)));
      }

      const sent: OutgoingMessage[] = events.map(({ message }) => ({
        ...message,
        topic: consumerGroup === undefined ? message.topic : redeliveryTopic(message.topic, consumerGroup),
        headers: { ...message.headers, [REDELIVERY_ID_HEADER]: request.redeliveryId },
      }));
      const eventIds = events.map((event) => event.id);
      const requestedAt = this.now().toISOString();
      const announced: RedeliveryRequestedV1 = {
        redeliveryId: request.redeliveryId,
        requestedAt,
        selection,
        consumerGroup: consumerGroup ?? null,
        topics: [...new Set(sent.map((message) => message.topic))],
        events: events.length,
        firstPosition: formatPosition(first.position),
        lastPosition: formatPosition(last.position),
        eventIdsDigest: createHash('sha256')
          .update(eventIds.map((id) => `${id}\n`).join(''))
          .digest('hex'),
      };
      const record: RedeliveryRequested = {
        type: 'RedeliveryRequested',
        data: { ...announced, reason: request.reason, eventIds },
      };
      const metadata: Omit<EventMetadata, 'recordedAt'> = {
        occurredAt: requestedAt,
        correlationId: request.redeliveryId,
        causationId: null,
        actor: request.by,
      };
      await this.store.appendWithin(client, REDELIVERIES_STREAM, [{ id: request.redeliveryId, ...record, metadata }]);
      const announcement = integrationMessage(
        this.options.source,
        {
          ...record,
          id: request.redeliveryId,
          streamId: REDELIVERIES_STREAM,
          metadata: { ...metadata, recordedAt: requestedAt },
        },
        publication(this.options.contract, announced),
      );
      await this.store.writeOutbox(client, [announcement, ...sent]);
      return {
        kind: 'redelivered',
        redeliveryId: request.redeliveryId,
        events: events.length,
        firstPosition: announced.firstPosition,
        lastPosition: announced.lastPosition,
        topics: announced.topics,
      };
    });
  }
}

function targetTopic(topic: string, consumerGroup: string) {
  const spec = redeliveryTopicSpec(topic, consumerGroup);
  if (!spec) throw new Error(`no redelivery topic of '${topic}' can be named for the group '${consumerGroup}'`);
  return spec;
}

/** The selection as the store reads it: positions and times parsed (the edge checked them). */
function eventSelection(selection: RedeliverySelection): EventSelection {
  return {
    ...(selection.fromPosition !== undefined && { fromPosition: parsePosition(selection.fromPosition) }),
    ...(selection.toPosition !== undefined && { toPosition: parsePosition(selection.toPosition) }),
    ...(selection.from !== undefined && { from: new Date(selection.from) }),
    ...(selection.to !== undefined && { to: new Date(selection.to) }),
    ...(selection.eventIds !== undefined && { eventIds: selection.eventIds }),
    ...(selection.personId !== undefined && { personId: selection.personId }),
  };
}
