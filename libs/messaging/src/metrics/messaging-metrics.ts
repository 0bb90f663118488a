import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { EventStore } from '@lintas/event-store/event-store';
import { LATENCY_BUCKETS_SECONDS, METRIC_NAMES } from '@lintas/platform/metrics/metric-names';
import { sharedReading, type ServiceMetrics } from '@lintas/platform/metrics/service-metrics';
import type { CloudEvent } from '../cloudevents/cloud-event';
import { DEAD_LETTER_REASONS, type DeadLetterReason } from '../inbox/dead-letters';
import type { ConsumedOutcome, EventHandler } from '../inbox/inbox-consumer';
import type { RelayObserver } from '../outbox/outbox-relay';
import type { ConsumerLagReader } from './consumer-lag';

/**
 * The relay reads its next batch while the one before is on its way, so two batches at most are
 * timed at once; one beyond that belongs to a send that failed, whose rows a later leadership reads
 * again, and is forgotten.
 */
const BATCHES_TIMED_AT_ONCE = 2;

/**
 * A service's messaging as metrics: relay, consumer, inbox and dead letters counted and timed as
 * they happen, labelled by event type (a CloudEvents type, a code) and reason, never by event or
 * person; the outbox backlog and the consumer group's lag read when Prometheus scrapes.
 */
export class MessagingMetrics {
  private readonly registers: Registry[];
  private readonly relaySend: Histogram;
  private readonly handlerDuration: Histogram<'event_type'>;
  private readonly events: Counter<'event_type' | 'outcome'>;
  private readonly duplicates: Counter<'event_type'>;
  private readonly deadLetters: Counter<'reason'>;

  constructor(metrics: ServiceMetrics) {
    const registers = (this.registers = [metrics.registry]);
    this.relaySend = new Histogram({
      name: METRIC_NAMES.relaySendDuration,
      help: 'How long a batch of outbox messages took from being read until the broker acknowledged it.',
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    });
    this.handlerDuration = new Histogram({
      name: METRIC_NAMES.consumerHandlerDuration,
      help: "How long a reaction to a consumed event ran, in the inbox's transaction (failed runs too).",
      labelNames: ['event_type'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    });
    this.events = new Counter({
      name: METRIC_NAMES.consumerEvents,
      help: 'Events consumed by CloudEvents type and outcome: handled (committed), skipped (no reaction here), duplicate.',
      labelNames: ['event_type', 'outcome'],
      registers,
    });
    this.duplicates = new Counter({
      name: METRIC_NAMES.inboxDuplicatesSkipped,
      help: 'Events the inbox had already handled, delivered again and skipped.',
      labelNames: ['event_type'],
      registers,
    });
    this.deadLetters = new Counter({
      name: METRIC_NAMES.deadLetters,
      help: 'Messages the consumer gave up on, by reason; each is on the dead-letter topic and in dead_letters.',
      labelNames: ['reason'],
      registers,
    });
    // From 0, so that the first dead letter shows as an increase.
    for (const reason of DEAD_LETTER_REASONS) this.deadLetters.inc({ reason }, 0);
  }

  /** Times each relayed batch, keyed by its first message's id: the relay reports read and sent with the same rows. */
  relayTimings(): RelayObserver {
    const readAt = new Map<string, number>();
    return {
      read: (batch) => {
        const id = batch[0]?.ce_id;
        if (id === undefined) return;
        // Deleted first, so that a batch read again counts as the newest.
        readAt.delete(id);
        readAt.set(id, performance.now());
        for (const stale of readAt.keys()) {
          if (readAt.size <= BATCHES_TIMED_AT_ONCE) break;
          readAt.delete(stale);
        }
      },
      sent: (batch) => {
        const id = batch[0]?.ce_id;
        const started = id === undefined ? undefined : readAt.get(id);
        if (id === undefined || started === undefined) return;
        readAt.delete(id);
        this.relaySend.observe((performance.now() - started) / 1_000);
      },
    };
  }

  /** The handler, timed by the event's type. */
  timed(type: string, handler: EventHandler): EventHandler {
    const duration = this.handlerDuration.labels({ event_type: type });
    return async (event, transaction) => {
      const end = duration.startTimer();
      try {
        return await handler(event, transaction);
      } finally {
        end();
      }
    };
  }

  /** An event whose transaction committed. */
  handled(event: CloudEvent): void {
    this.events.inc({ event_type: event.type, outcome: 'handled' });
  }

  /** An event that ran no reaction; one that did is counted by `handled`, once it committed. */
  consumed(event: CloudEvent, outcome: ConsumedOutcome): void {
    if (outcome === 'reacted') return;
    this.events.inc({ event_type: event.type, outcome });
    if (outcome === 'duplicate') this.duplicates.inc({ event_type: event.type });
  }

  deadLettered(reason: DeadLetterReason): void {
    this.deadLetters.inc({ reason });
  }

  /** The outbox's depth and the age of its oldest message, read at scrape time. */
  watchOutbox(service: string, store: EventStore): void {
    const backlog = sharedReading(() => store.outboxBacklog());
    new Gauge({
      name: METRIC_NAMES.outboxMessages,
      help: 'Messages in the outbox, written and not yet acknowledged by the broker.',
      labelNames: ['service'],
      registers: this.registers,
      async collect() {
        const reading = await backlog();
        this.reset();
        if (reading) this.set({ service }, reading.messages);
      },
    });
    new Gauge({
      name: METRIC_NAMES.outboxOldestMessageAge,
      help: 'How long ago the oldest message in the outbox was written; 0 when the outbox is empty.',
      labelNames: ['service'],
      registers: this.registers,
      async collect() {
        const reading = await backlog();
        this.reset();
        if (reading) this.set({ service }, reading.oldestSeconds);
      },
    });
  }

  /** The consumer group's lag per partition, read at scrape time; nothing when the reading fails. */
  watchConsumerLag(group: string, reader: ConsumerLagReader): void {
    const lag = sharedReading(() => reader.read());
    new Gauge({
      name: METRIC_NAMES.consumerLag,
      help: 'Messages of a partition the consumer group has not committed yet.',
      labelNames: ['group', 'topic', 'partition'],
      registers: this.registers,
      async collect() {
        const partitions = await lag();
        this.reset();
        for (const { topic, partition, messages } of partitions ?? []) {
          this.set({ group, topic, partition: String(partition) }, messages);
        }
      },
    });
  }
}
