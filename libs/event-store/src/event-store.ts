import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { trace, type SpanOptions } from '@opentelemetry/api';
import { Pool, type PoolClient } from 'pg';
import { currentTransaction, joinOrBegin } from '@lintas/platform/database/ambient-transaction';
import { announceWriterSessions } from '@lintas/platform/database/writer-sessions';
import { inSpan } from '@lintas/platform/tracing/in-span';
import { GroupCommitter } from './append/group-commit';
import type { AppendRequest, AppendResult, OutboxMessage, PreparedEvent } from './append/prepared-append';
import { writeRequests, type BeforeCommit } from './append/write-batch';
import { ConcurrencyError, type ExpectedVersion } from './errors';
import { type EventRegistry } from './events/event-registry';
import type { DomainEvent } from './decider';
import type { EventMetadata, NewEvent, RecordedEvent } from './events/event-types';
import type { PersonalDataCipher } from './personal-data-cipher';
import { START, type GlobalPosition } from './position';
import { STREAM_LOCK_KEY_SQL } from './append/stream-lock';
import { visibleTransactions } from './read/visibility';
import { decodeRows, EVENT_COLUMNS, type EventRow } from './read/decode';
import { selectionFilter, type EventSelection } from './read/selection';
import { createStoreSchema, storeSchemaName } from './schema/store-schema';

export type { EventSelection } from './read/selection';

export interface EventStoreOptions {
  registry: EventRegistry;
  /** Required as soon as a registered event type names personal fields. */
  cipher?: PersonalDataCipher;
  /** PostgreSQL schema of the store's tables. */
  schema?: string;
  /** Runs in each append's transaction after its events are written. */
  beforeCommit?: BeforeCommit;
  /**
   * Which events other services hear of, and as what: the message returned is written to the
   * outbox in the event's own transaction. Given the event before its personal fields are sealed.
   */
  integration?: IntegrationMapper;
  groupCommit?: { maxBatch?: number; maxInFlight?: number; overlapAfterMs?: number };
  /** The clock, for recordedAt; a port so that tests can fix time. */
  now?: () => Date;
  /** Told of every append and group commit, for metrics. */
  observer?: StoreObserver;
}

/**
 * What the store tells of its writes as they happen. Called on the hot path, so an observer only
 * counts: anything that needs the database (how far readers lag) is read when metrics are scraped.
 */
export interface StoreObserver {
  /** An append ended: written, refused for its expected version, or failed; and how long it took. */
  appended(outcome: AppendOutcome, seconds: number): void;
  /** A group commit wrote this many appends in one transaction. */
  groupCommitted(appends: number): void;
}

export type AppendOutcome = 'written' | 'conflict' | 'failed';

export type IntegrationMapper = ((event: {
  id: string;
  streamId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}) => OutboxMessage | undefined) & {
  /** The event types it may map, where it says: a selection of published events reads only those. */
  readonly types?: readonly string[];
};

/** A stored event this store publishes, with the message its integration mapper makes of it. */
export interface PublishedEvent {
  id: string;
  position: GlobalPosition;
  message: OutboxMessage;
}

const tracer = trace.getTracer('@lintas/event-store');

/**
 * The append's span is the parent of whatever its events cause elsewhere: the integration mapper
 * writes its context into the outbox rows. Two attributes only: this is the hot path.
 */
function appendSpan(streamId: string, events: readonly NewEvent[]): SpanOptions {
  return { attributes: { 'lintas.stream.id': streamId, 'lintas.event.count': events.length } };
}

export interface ReadAllOptions {
  after?: GlobalPosition;
  maxCount?: number;
}

/**
 * Event streams on PostgreSQL: atomic appends with an expected version, group-committed; a stream
 * read in order; and all events in one gap-safe global order for catch-up readers.
 */
export class EventStore {
  /** Emits 'appended' after each commit, so that readers in this process wake without polling. */
  readonly appended = new EventEmitter();
  private readonly committer: GroupCommitter;
  private readonly writers: Pool;
  private readonly now: () => Date;
  private readonly integration: IntegrationMapper | undefined;
  private readonly observer: StoreObserver | undefined;

  private constructor(
    readonly pool: Pool,
    readonly schema: string,
    readonly registry: EventRegistry,
    readonly cipher: PersonalDataCipher | undefined,
    options: EventStoreOptions,
  ) {
    const maxInFlight = options.groupCommit?.maxInFlight ?? 4;
    // The writers get their own pipelined connections to the same database.
    this.writers = announceWriterSessions(
      new Pool({ ...pool.options, pipeline: true, max: maxInFlight, allowExitOnIdle: true }),
      schema,
    );
    // An idle writer whose server connection ends (restart, failover) is replaced on next use.
    this.writers.on('error', () => undefined);
    this.committer = new GroupCommitter(
      this.writers,
      schema,
      {
        maxBatch: options.groupCommit?.maxBatch ?? 256,
        maxInFlight,
        overlapAfterMs: options.groupCommit?.overlapAfterMs ?? 20,
        onWritten: (appends) => this.observer?.groupCommitted(appends),
      },
      options.beforeCommit,
    );
    this.now = options.now ?? (() => new Date());
    this.integration = options.integration;
    this.observer = options.observer;
    this.appended.setMaxListeners(0);
  }

  static async open(pool: Pool, options: EventStoreOptions): Promise<EventStore> {
    const schema = storeSchemaName(options.schema ?? 'event_store');
    // Connections opened from now on may write before they append (an inbox row, an index).
    announceWriterSessions(pool, schema);
    await createStoreSchema(pool, schema);
    return new EventStore(pool, schema, options.registry, options.cipher, options);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion?: ExpectedVersion } = {},
  ): Promise<AppendResult> {
    const result = await this.observed(() =>
      inSpan(tracer, 'EventStore.append', appendSpan(streamId, events), async () =>
        this.committer.submit(await this.request(streamId, events, options)),
      ),
    );
    this.appended.emit('appended', result);
    return result;
  }

  /**
   * Appends inside a transaction the caller holds, so that its other writes (an inbox row, a
   * read model) commit or roll back with the events. Not group-committed: the caller commits.
   */
  async appendWithin(
    client: PoolClient,
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion?: ExpectedVersion } = {},
  ): Promise<AppendResult> {
    return this.observed(() =>
      inSpan(tracer, 'EventStore.appendWithin', appendSpan(streamId, events), async () => {
        const [outcome] = await writeRequests(client, this.schema, [await this.request(streamId, events, options)]);
        if (!outcome) throw new Error('append was neither written nor refused');
        if (!outcome.ok) throw outcome.error;
        return outcome.result;
      }),
    );
  }

  /**
   * Tells the observer how an append ended and how long it took: for appendWithin, until its rows
   * are written, since the caller commits.
   */
  private async observed<T>(append: () => Promise<T>): Promise<T> {
    const observer = this.observer;
    if (!observer) return append();
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1_000;
    try {
      const result = await append();
      observer.appended('written', seconds());
      return result;
    } catch (error) {
      observer.appended(error instanceof ConcurrencyError ? 'conflict' : 'failed', seconds());
      throw error;
    }
  }

  private async request(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedVersion?: ExpectedVersion },
  ): Promise<AppendRequest> {
    if (events.length === 0) throw new Error('an append needs at least one event');
    const recordedAt = this.now().toISOString();
    const prepared = await Promise.all(events.map((event) => this.prepare(streamId, event, recordedAt)));
    return { streamId, expected: options.expectedVersion ?? 'any', events: prepared };
  }

  /** Ends the store's own writer connections; the pool it was given stays the caller's. */
  async close(): Promise<void> {
    await this.writers.end();
  }

  /**
   * Runs work in one transaction (the ambient unit of work's, when there is one) and, once it
   * committed, wakes this process's readers and relay: for appends with appendWithin.
   */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return joinOrBegin(this.pool, (transaction) => {
      transaction.afterCommit(() => this.appended.emit('appended'));
      return work(transaction.client);
    });
  }

  /**
   * Holds the streams' head locks until the transaction ends: the appends that follow re-enter
   * them, and a writer that reads, decides and appends under them can never meet a version
   * conflict. Taken in key order, as the append takes them, so no two writers lock crosswise.
   */
  async lockStreams(client: PoolClient, streamIds: readonly string[]): Promise<void> {
    await client.query(
      `SELECT pg_advisory_xact_lock(key)
         FROM (SELECT DISTINCT ${STREAM_LOCK_KEY_SQL('id')} AS key FROM unnest($1::text[]) AS id ORDER BY key) AS keys`,
      [streamIds],
    );
  }

  /** Wakes this process's readers and relay after a caller's own transaction with appendWithin committed. */
  notifyAppended(): void {
    this.appended.emit('appended');
  }

  /**
   * A stream's events in order, typed as the caller's event union: the store keeps only types its
   * registry knows, and a service reads only its own streams. Inside a unit of work it reads
   * through that transaction, seeing its own appends and taking no second connection.
   */
  async readStream<Event extends DomainEvent = DomainEvent>(
    streamId: string,
    options: { fromVersion?: number; maxCount?: number; within?: PoolClient } = {},
  ): Promise<(RecordedEvent & Event)[]> {
    const { rows } = await (options.within ?? currentTransaction()?.client ?? this.pool).query<EventRow>({
      text: `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events
              WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version LIMIT $3`,
      values: [streamId, options.fromVersion ?? 1, options.maxCount ?? 2_147_483_647],
      rowMode: 'array',
    });
    return (await decodeRows(rows, this.registry, this.cipher)) as (RecordedEvent & Event)[];
  }

  /** A stream's first event: who it is about and which journey it belongs to. */
  async firstEvent<Event extends DomainEvent = DomainEvent>(
    streamId: string,
    options: { within?: PoolClient } = {},
  ): Promise<(RecordedEvent & Event) | undefined> {
    const [first] = await this.readStream<Event>(streamId, { ...options, maxCount: 1 });
    return first;
  }

  /**
   * The position of the newest event readers can reach now: a read model that has applied it has
   * seen every event committed so far (a newer transaction's, still behind an older one, not yet).
   */
  async headPosition(): Promise<GlobalPosition | undefined> {
    const { rows } = await this.pool.query<{ transaction_id: string; sequence: string }>(
      `SELECT transaction_id::text, sequence::text FROM ${this.schema}.events WHERE ${visibleTransactions(this.schema)}
        ORDER BY transaction_id DESC, sequence DESC LIMIT 1`,
    );
    const row = rows[0];
    return row && { transactionId: BigInt(row.transaction_id), sequence: BigInt(row.sequence) };
  }

  /**
   * Events after a position, in global order. Only transactions older than every transaction still
   * running are read, so a late commit can never land behind what a reader has already passed.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return decodeRows(await this.readAllRows(options), this.registry, this.cipher);
  }

  async readAllRows(options: ReadAllOptions = {}): Promise<EventRow[]> {
    const after = options.after ?? START;
    const { rows } = await this.pool.query<EventRow>({
      text: `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events
              WHERE (transaction_id, sequence) > ($1::text::xid8, $2::bigint)
                AND ${visibleTransactions(this.schema)}
              ORDER BY events.transaction_id, events.sequence LIMIT $3`,
      values: [after.transactionId.toString(), after.sequence.toString(), options.maxCount ?? 1_000],
      rowMode: 'array',
    });
    return rows;
  }

  /**
   * The stored events of a selection that this store publishes, for an admin's redelivery. `total`
   * is how many events of the types its integration mapper publishes the selection matches: what
   * sending them again would read. When that is no more than `maxCount`, `events` holds each with
   * the message the mapper makes of it now, in global order: the event's own CloudEvents id, the
   * contract of today's release, the trace context of the caller. Inside a transaction (the
   * caller's, or the ambient unit of work's) it reads through it.
   */
  async selectPublished(
    selection: EventSelection,
    options: { maxCount: number; within?: PoolClient },
  ): Promise<{ total: number; events: PublishedEvent[] }> {
    const mapper = this.integration;
    if (!mapper) return { total: 0, events: [] };
    const reader = options.within ?? currentTransaction()?.client ?? this.pool;
    const { where, values } = selectionFilter(selection, mapper.types);
    const { rows: counted } = await reader.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM ${this.schema}.events WHERE ${where}`,
      values,
    );
    const total = counted[0]?.total ?? 0;
    if (total === 0 || total > options.maxCount) return { total, events: [] };
    const { rows } = await reader.query<EventRow>({
      text: `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events WHERE ${where}
              ORDER BY events.transaction_id, events.sequence`,
      values,
      rowMode: 'array',
    });
    const events = await decodeRows(rows, this.registry, this.cipher);
    return {
      total,
      events: events.flatMap(({ id, streamId, type, data, metadata, position }) => {
        const message = mapper({ id, streamId, type, data, metadata });
        return message ? [{ id, position, message }] : [];
      }),
    };
  }

  /**
   * Writes messages to the outbox in the caller's transaction, in the given order, after whatever
   * the transaction wrote there before: the relay ships them as it ships the events' own, at least
   * once and in order. For messages that are not an append's (an admin's redelivery).
   */
  async writeOutbox(client: PoolClient, messages: readonly OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await client.query(
      `INSERT INTO ${this.schema}.outbox (topic, key, headers, value)
       SELECT topic, key, headers, value
         FROM unnest($1::text[], $2::text[], $3::json[], $4::bytea[]) WITH ORDINALITY AS m(topic, key, headers, value, n)
        ORDER BY n`,
      [
        messages.map((m) => m.topic),
        messages.map((m) => m.key),
        messages.map((m) => JSON.stringify(m.headers)),
        messages.map((m) => m.value),
      ],
    );
  }

  /**
   * How many messages wait in the outbox, and how long ago the oldest was written (0 when none): for
   * metrics, at scrape time. The outbox keeps no time of its own; its oldest row was written in
   * the same transaction as its event, whose recordedAt says when, and the global-order index finds
   * that event by transaction id. A message written without an event (writeOutbox: an access
   * record) is a CloudEvent of that moment: its `ce_time` header says when.
   */
  async outboxBacklog(): Promise<{ messages: number; oldestSeconds: number }> {
    const { rows } = await this.pool.query<{ messages: number; oldest_seconds: number }>(
      `WITH oldest AS (SELECT transaction_id, headers FROM ${this.schema}.outbox ORDER BY transaction_id, sequence LIMIT 1)
       SELECT (SELECT count(*)::int FROM ${this.schema}.outbox) AS messages,
              coalesce((SELECT greatest(0, extract(epoch FROM now() - coalesce(
                          (SELECT min((e.metadata->>'recordedAt')::timestamptz)
                             FROM ${this.schema}.events e WHERE e.transaction_id = o.transaction_id),
                          CASE WHEN o.headers->>'ce_time' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T'
                               THEN (o.headers->>'ce_time')::timestamptz END)))
                          FROM oldest o), 0)::float8
                AS oldest_seconds`,
    );
    return { messages: rows[0]?.messages ?? 0, oldestSeconds: rows[0]?.oldest_seconds ?? 0 };
  }

  /** The version of a stream: 0 when it has no events. */
  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>(
      `SELECT version FROM ${this.schema}.streams WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0]?.version ?? 0;
  }

  private async prepare(streamId: string, event: NewEvent, recordedAt: string): Promise<PreparedEvent> {
    const definition = this.registry.definitionOf(event.type);
    const personId = event.metadata.personId ?? null;
    const eventId = canonicalEventId(event.id);
    const metadata: EventMetadata = { ...event.metadata, recordedAt };
    const outbox = this.integration?.({ id: eventId, streamId, type: event.type, data: event.data, metadata });
    let data = event.data;
    if (definition.personalFields.length > 0) {
      if (!this.cipher) throw new Error(`'${event.type}' holds personal data but the store has no cipher`);
      if (!personId) throw new Error(`'${event.type}' holds personal data, so its metadata must name the person`);
      data = await this.cipher.seal(personId, event.data as object, definition.personalFields);
    }
    return {
      eventId,
      type: event.type,
      schemaVersion: definition.schemaVersion,
      dataText: JSON.stringify(data),
      metadataText: JSON.stringify(metadata),
      personId,
      ...(outbox ? { outbox } : {}),
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Lower case, as PostgreSQL prints a uuid: the event's hash covers the id as stored. */
function canonicalEventId(id: string | undefined): string {
  if (id === undefined) return randomUUID();
  const canonical = id.toLowerCase();
  if (!UUID.test(canonical)) throw new Error(`event id '${id}' is not a UUID`);
  return canonical;
}
