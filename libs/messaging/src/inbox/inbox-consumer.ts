import { context, SpanKind, trace, type Attributes } from '@opentelemetry/api';
import { hasSqlState, SqlState } from '@lintas/platform/database/sql-state';
import { begin, inTransaction } from '@lintas/platform/database/transaction';
import { inSpan } from '@lintas/platform/tracing/in-span';
import { contextFromTraceContext } from '@lintas/platform/tracing/trace-context';
import type { Pool, PoolClient } from 'pg';
import type { ContractRegistry } from '@lintas/contracts/contract-registry';
import type { CloudEvent } from '../cloudevents/cloud-event';
import { fromKafkaMessage } from '../cloudevents/kafka-binary-binding';
import type { IncomingMessage, Publisher, Subscription, Transport } from '../transport/transport';
import { DeadLetters, type DeadLetterReason, type ErasedAmong } from './dead-letters';
import { createInboxSchema } from './inbox-schema';
import { PermanentError } from './permanent-error';
import { redeliveryTopicSpec } from '../redelivery/redelivery-topic';

/**
 * Handles one event inside the transaction that also records it in the inbox. A function it
 * answers runs once that transaction has committed (e.g. waking what waits for the rows it wrote).
 */
export type EventHandler = (event: CloudEvent, transaction: PoolClient) => Promise<unknown>;

export interface InboxConsumerOptions {
  /** The service's schema for its inbox and dead letters. */
  schema: string;
  groupId: string;
  contracts: ContractRegistry;
  /** By CloudEvents type; a type with no handler on a topic read here is skipped. */
  handlers: Readonly<Record<string, EventHandler>>;
  deadLetterTopic: string;
  maxAttempts?: number;
  /** Wait before attempt n + 1, in ms. */
  backoffMs?: (attempt: number) => number;
  onError?: (error: unknown, message: IncomingMessage) => void;
  /** After an event's transaction committed (not for duplicates or dead letters): for metrics. */
  onHandled?: (event: CloudEvent) => void;
  /**
   * Told of each event read, in its trace's context, so that a log line written here carries the
   * trace id: `reacted` once its handler ran (before the commit: a batch that rolls back, for a
   * failed handler or an event the inbox had already, is handled again), `skipped` when no handler
   * here wants its type, `duplicate` when the inbox had it already.
   */
  onConsumed?: (event: CloudEvent, outcome: ConsumedOutcome) => void;
  /** After a message was recorded as a dead letter and sent to the dead-letter topic: for metrics. */
  onDeadLettered?: (reason: DeadLetterReason) => void;
  /** Which persons are erased: a dead letter naming one keeps none of the message's data (see DeadLetters). */
  erasedAmong?: ErasedAmong;
}

export type ConsumedOutcome = 'reacted' | 'skipped' | 'duplicate';

const tracer = trace.getTracer('@lintas/messaging');

/**
 * Consumes integration events idempotently: the handler's writes and the inbox row (source, id)
 * commit in one transaction, the transport's offset only after that, so a redelivered message is
 * recognised and skipped. A failing handler is retried in place with backoff, which holds the
 * partition and so keeps each person's order; a message that can never succeed goes to the
 * dead letters with the reason, and the consumer moves on. Besides its topics it reads its group's
 * redelivery topics (`<topic>.redelivery.<group>`), where a publisher sends events again to this
 * group alone; the inbox absorbs what it handled already.
 */
export class InboxConsumer {
  private readonly deadLetters: DeadLetters;
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private subscription?: Subscription;
  /** The batches of this turn, on their way to one transaction (see handleTogether). */
  private gathering?: { events: Accepted[]; outcome: Promise<TogetherOutcome> };
  private publisher?: Publisher;

  constructor(
    private readonly pool: Pool,
    private readonly transport: Transport,
    private readonly options: InboxConsumerOptions,
  ) {
    this.deadLetters = new DeadLetters(pool, options.schema, { erasedAmong: options.erasedAmong });
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? ((attempt) => Math.min(50 * 2 ** attempt, 2_000));
  }

  async start(): Promise<void> {
    await createInboxSchema(this.pool, this.options.schema);
    this.publisher = await this.transport.publisher();
    const topics = [
      ...new Set(
        Object.keys(this.options.handlers).map((type) => {
          const contract = this.options.contracts.find(type);
          if (!contract) throw new Error(`a handler is registered for ${type}, which no contract defines`);
          return contract.topic;
        }),
      ),
    ];
    // Beside each topic, the group's own redelivery topic: what an admin had a publisher send again
    // to this group alone (POST /admin/redeliveries). Created here as the publisher creates it.
    const redeliveries = topics.flatMap((topic) => redeliveryTopicSpec(topic, this.options.groupId) ?? []);
    await this.transport.createTopics(redeliveries);
    this.subscription = await this.transport.consume({
      groupId: this.options.groupId,
      topics: [...topics, ...redeliveries.map((topic) => topic.name)],
      handle: (batch) => this.handleBatch(batch),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.publisher?.close();
    this.subscription = undefined;
    this.publisher = undefined;
  }

  /**
   * The whole batch in one transaction, so one commit (one disk flush) carries many messages: with
   * the batches of other partitions that reached the consumer in the same turn, if it can. If that
   * rolls back, the batch is handled alone, asking the inbox first if it had one of the events; if a
   * handler fails (at once, when it was one of this batch), message by message, which retries and,
   * if need be, dead-letters only the message that fails. So a failing reaction is tried no more
   * often than the per-message retries allow, whichever batches it was gathered with.
   */
  private async handleBatch(batch: IncomingMessage[]): Promise<void> {
    const accepted: Accepted[] = [];
    for (const message of batch) {
      const outcome = this.classify(message);
      if (outcome.kind === 'dead') await this.deadLetter(message, outcome.reason, outcome.detail);
      else if (outcome.kind === 'accepted') accepted.push(outcome);
    }
    if (accepted.length === 0) return;
    const together = await this.handleTogether(accepted);
    if (together.kind === 'committed') return;
    const failedHere = together.kind === 'failed' && together.at !== undefined && accepted.includes(together.at);
    if (!failedHere) {
      try {
        this.committed(
          (together.kind === 'failed' ? await this.handleUnseen(accepted) : undefined) ??
            (await inTransaction(this.pool, (client) => this.handleIn(client, accepted))),
        );
        return;
      } catch {
        // Handled message by message below.
      }
    }
    for (const one of accepted) await this.handleAlone(one);
  }

  /**
   * Gathers the batches that reach the consumer in one turn of the event loop (a fetch brings
   * several partitions' at once) into one transaction: one commit and one flush for all, instead
   * of one per partition. Resolves once they committed, or with why that transaction rolled back
   * (an event the inbox had already; a handler that failed, and at which event), for each batch to
   * be handled on its own. Each partition's order holds: a partition has one batch in hand at a time.
   */
  private handleTogether(events: readonly Accepted[]): Promise<TogetherOutcome> {
    if (!this.gathering) {
      const gathered: Accepted[] = [];
      // After the turn's promise callbacks have run, so that every batch of the turn is in.
      const outcome = new Promise<void>((resolve) => process.nextTick(resolve)).then(async () => {
        this.gathering = undefined;
        const progress: HandlerProgress = {};
        try {
          const handled = await this.handleUnseen(gathered, progress);
          if (!handled) return { kind: 'redelivered' } as const;
          this.committed(handled);
          return { kind: 'committed' } as const;
        } catch {
          return { kind: 'failed', at: progress.failedAt } as const;
        }
      });
      this.gathering = { events: gathered, outcome };
    }
    this.gathering.events.push(...events);
    return this.gathering.outcome;
  }

  /**
   * The usual case, events this inbox has not seen, in one round trip fewer: the handlers run
   * first, and the inbox rows travel with the COMMIT instead of being asked about before. If the
   * inbox has one of them already (a redelivery), that INSERT fails, the transaction rolls back
   * whole, and this answers undefined: the batch is then handled with the inbox asked first. Either
   * way a handler's writes commit once at most.
   */
  private async handleUnseen(events: readonly Accepted[], progress?: HandlerProgress): Promise<Handled | undefined> {
    const client = await this.pool.connect();
    try {
      const { begun } = await begin(client);
      const handled = await this.runHandlers(client, events, progress);
      const recorded = client.query(
        `INSERT INTO ${this.options.schema}.inbox (source, id) SELECT * FROM unnest($1::text[], $2::text[])`,
        [events.map(({ event }) => event.source), events.map(({ event }) => event.id)],
      );
      // Its failure is read below, once the COMMIT has answered; marked handled meanwhile.
      recorded.catch(() => undefined);
      // After a failed statement PostgreSQL answers a COMMIT by rolling back.
      const committing = client.query('COMMIT');
      await begun;
      const { command } = await committing;
      if (command === 'COMMIT') return handled;
      const failure: unknown = await recorded.then(
        () => undefined,
        (error: unknown) => error,
      );
      if (hasSqlState(failure, SqlState.uniqueViolation)) return undefined;
      throw failure ?? new Error('the inbox transaction rolled back');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** What follows a commit: the handlers' callbacks, then the reports of what was handled. */
  private committed({ handled, afterCommit }: Handled): void {
    for (const callback of afterCommit) callback();
    for (const event of handled) this.options.onHandled?.(event);
  }

  private classify(message: IncomingMessage): Accepted | Dead | { kind: 'skipped' } {
    let event: CloudEvent;
    try {
      event = fromKafkaMessage(message);
    } catch (error) {
      return { kind: 'dead', reason: 'unparseable', detail: errorMessage(error) };
    }
    const contract = this.options.contracts.find(event.type);
    if (!contract) return { kind: 'dead', reason: 'unknown-type', detail: `no contract for ${event.type}` };
    const handler = this.options.handlers[event.type];
    if (!handler) {
      this.consumed(event, 'skipped');
      return { kind: 'skipped' };
    }
    const checked = contract.validate(event.data);
    if (!checked.ok) {
      return {
        kind: 'dead',
        reason: 'invalid',
        detail: checked.problems.map((p) => `${p.path || '(data)'} ${p.message}`).join('; '),
      };
    }
    return { kind: 'accepted', message, event, handler };
  }

  /** One message in a transaction of its own, retried with backoff, dead-lettered when it cannot succeed. */
  private async handleAlone(accepted: Accepted): Promise<void> {
    const { message } = accepted;
    for (let attempt = 1; ; attempt += 1) {
      try {
        this.committed(await inTransaction(this.pool, (client) => this.handleIn(client, [accepted])));
        return;
      } catch (error) {
        this.options.onError?.(error, message);
        if (error instanceof PermanentError) {
          return this.deadLetter(message, 'rejected', error.message, error.personErased);
        }
        if (attempt >= this.maxAttempts) return this.deadLetter(message, 'failed-after-retries', errorMessage(error));
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs(attempt)));
      }
    }
  }

  /**
   * Records the events in the inbox with one statement and runs, in order, the handler of each the
   * inbox did not have yet; answers those. One round trip for the batch's inbox rows, not one per
   * event: at a thousand events a second a batch's handling time is what every message in it waits.
   */
  private async handleIn(client: PoolClient, events: readonly Accepted[]): Promise<Handled> {
    const { rows } = await client.query<{ source: string; id: string }>(
      `INSERT INTO ${this.options.schema}.inbox (source, id)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING source, id`,
      [events.map(({ event }) => event.source), events.map(({ event }) => event.id)],
    );
    const fresh = new Set(rows.map((row) => inboxKey(row.source, row.id)));
    const unseen = events.filter(({ event }) => {
      // A message delivered twice in one batch is handled once: its key leaves the set.
      if (fresh.delete(inboxKey(event.source, event.id))) return true;
      this.consumed(event, 'duplicate');
      return false;
    });
    return this.runHandlers(client, unseen);
  }

  /** Runs each event's handler in order, in the transaction; `progress` learns which one failed. */
  private async runHandlers(
    client: PoolClient,
    events: readonly Accepted[],
    progress: HandlerProgress = {},
  ): Promise<Handled> {
    const handled: CloudEvent[] = [];
    const afterCommit: (() => void)[] = [];
    for (const accepted of events) {
      const { message, event, handler } = accepted;
      progress.failedAt = accepted;
      // Each event in its own span, child of the context it was stored in, also within a batch:
      // the commands its reaction runs, their appends and outbox rows continue that trace.
      await inSpan(
        tracer,
        `process ${event.type}`,
        { kind: SpanKind.CONSUMER, attributes: this.consumerAttributes(message, event) },
        async () => {
          const committed: unknown = await handler(event, client);
          if (typeof committed === 'function') afterCommit.push(committed as () => void);
          this.options.onConsumed?.(event, 'reacted');
        },
        contextFromTraceContext(event),
      );
      handled.push(event);
    }
    progress.failedAt = undefined;
    return { handled, afterCommit };
  }

  /** Tells of an event that runs no handler, in the context of the trace it came with. */
  private consumed(event: CloudEvent, outcome: ConsumedOutcome): void {
    const report = this.options.onConsumed;
    if (report) context.with(contextFromTraceContext(event), () => report(event, outcome));
  }

  /** OpenTelemetry's messaging and CloudEvents attributes; never the data. */
  private consumerAttributes(message: IncomingMessage, event: CloudEvent): Attributes {
    const kafka = this.transport.name !== 'pg-log';
    return {
      'messaging.system': kafka ? 'kafka' : 'postgresql',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': message.topic,
      'messaging.destination.partition.id': String(message.partition),
      'messaging.consumer.group.name': this.options.groupId,
      'messaging.message.id': event.id,
      ...(kafka && { 'messaging.kafka.offset': Number(message.offset) }),
      'cloudevents.event_id': event.id,
      'cloudevents.event_source': event.source,
      'cloudevents.event_type': event.type,
    };
  }

  private async deadLetter(
    message: IncomingMessage,
    reason: DeadLetterReason,
    detail: string,
    personErased = false,
  ): Promise<void> {
    if (!this.publisher) throw new Error('the consumer is not started');
    await this.deadLetters.record(
      this.publisher,
      this.options.deadLetterTopic,
      this.options.groupId,
      message,
      reason,
      detail,
      { personErased },
    );
    this.options.onDeadLettered?.(reason);
  }
}

interface Accepted {
  kind: 'accepted';
  message: IncomingMessage;
  event: CloudEvent;
  handler: EventHandler;
}

interface Handled {
  handled: CloudEvent[];
  afterCommit: (() => void)[];
}

/** Set to each event as its handler runs; left on the one whose handler threw. */
interface HandlerProgress {
  failedAt?: Accepted;
}

/** How the transaction of a turn's gathered batches ended: `at` is the event whose handler failed, if one did. */
type TogetherOutcome = { kind: 'committed' } | { kind: 'redelivered' } | { kind: 'failed'; at?: Accepted };

interface Dead {
  kind: 'dead';
  reason: DeadLetterReason;
  detail: string;
}

const inboxKey = (source: string, id: string): string => `${source}\n${id}`;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
