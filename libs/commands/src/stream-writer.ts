import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Decider, DomainEvent } from '@lintas/event-store/decider';
import { ConcurrencyError } from '@lintas/event-store/errors';
import { EventStore } from '@lintas/event-store/event-store';
import { currentTransaction } from '@lintas/platform/database/ambient-transaction';
import type { EventMetadata, RecordedEvent } from '@lintas/event-store/events/event-types';
import { eventActor } from '@lintas/event-store/nest/event-actor';
import { formatPosition, START, type GlobalPosition } from '@lintas/event-store/position';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { SERVICE_NAME } from '@lintas/platform/service/service-tokens';
import type { WriteCause } from './write-cause';

/** A kind of stream: how its id is made from the aggregate's id, and the pure decider that rules it. */
export interface StreamKind<Command, Event extends DomainEvent, State> {
  streamId(id: string): string;
  decider: Decider<Command, Event, State>;
  /** False for a stream about no person (a panti's bed book): its events carry no person. */
  aboutPerson?: boolean;
}

/** A stream as it stands: its events, folded state and version. */
export interface Loaded<Event extends DomainEvent, State> {
  streamId: string;
  history: (RecordedEvent & Event)[];
  state: State;
  version: number;
  first: (RecordedEvent & Event) | undefined;
}

export interface Handled<Event extends DomainEvent, State> {
  id: string;
  streamId: string;
  /** The stream's version after the command: the ETag. */
  version: number;
  position: GlobalPosition;
  events: Event[];
  state: State;
}

export interface HandleOptions {
  /**
   * For a new stream only (an existing one keeps those of its first event): the person its
   * events are about, and the journey they continue (a case opened from a pickup).
   */
  personId?: string;
  correlationId?: string;
}

type Metadata = Omit<EventMetadata, 'recordedAt'>;

/** What an HTTP write answers: the id, the version (ETag) and the position to read one's own write at. */
export function writeResult(handled: Pick<Handled<DomainEvent, unknown>, 'id' | 'version' | 'position'>): WriteResult {
  return { id: handled.id, version: handled.version, position: formatPosition(handled.position) };
}

/**
 * Load → decide → append, the one way every service handles a command. A write runs in the
 * ambient unit of work (an HTTP request's transaction, an inbox delivery's) or in a transaction
 * of its own; it locks the stream before reading it, so concurrent writers to one stream queue up
 * and each decides on the state the previous one left: a write is refused only when the domain
 * refuses it, or when the caller sent If-Match and the stream has moved since (412).
 */
@Injectable()
export class StreamWriter {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  handle<Command, Event extends DomainEvent, State>(
    kind: StreamKind<Command, Event, State>,
    id: string,
    command: Command,
    cause: WriteCause,
    options: HandleOptions = {},
  ): Promise<Handled<Event, State>> {
    return this.transaction((tx) => tx.handle(kind, id, command, cause, options));
  }

  /** handle, answered as an HTTP write answers. */
  async write<Command, Event extends DomainEvent, State>(
    kind: StreamKind<Command, Event, State>,
    id: string,
    command: Command,
    cause: WriteCause,
    options: HandleOptions = {},
  ): Promise<WriteResult> {
    return writeResult(await this.handle(kind, id, command, cause, options));
  }

  /** Several steps in one transaction: a command on two streams, or two commands on one. */
  transaction<T>(work: (tx: StreamTransaction) => Promise<T>): Promise<T> {
    return this.store.transaction((client) => work(new StreamTransaction(client, this.store, this.service)));
  }

  /**
   * A stream's state: for a query, or for a reaction or handler choosing its command. Inside a
   * unit of work the stream is locked first, so the state chosen on is still the state when the
   * command that follows decides (a transfer accepted in between waits, it does not slip past).
   */
  async load<Command, Event extends DomainEvent, State>(
    kind: StreamKind<Command, Event, State>,
    id: string,
  ): Promise<Loaded<Event, State>> {
    const ambient = currentTransaction();
    if (ambient) await this.store.lockStreams(ambient.client, [kind.streamId(id)]);
    return fold(kind, kind.streamId(id), await this.store.readStream<Event>(kind.streamId(id)));
  }

  /** The first event of a stream: the person and journey it belongs to. */
  firstEvent(streamId: string): Promise<RecordedEvent | undefined> {
    return this.store.firstEvent(streamId);
  }
}

/** One unit of work's view of the streams: locks, loads and appends through its transaction. */
export class StreamTransaction {
  /** If-Match names the version of the first stream a request writes, not of what follows in the same unit. */
  private readonly versionChecked = new WeakSet<WriteCause>();

  constructor(
    readonly client: PoolClient,
    private readonly store: EventStore,
    private readonly service: string,
  ) {}

  /** Locks streams, in one call when a decision spans several, so that no two writers lock them crosswise. */
  lock(...streamIds: string[]): Promise<void> {
    return this.store.lockStreams(this.client, streamIds);
  }

  async load<Command, Event extends DomainEvent, State>(
    kind: StreamKind<Command, Event, State>,
    id: string,
  ): Promise<Loaded<Event, State>> {
    const streamId = kind.streamId(id);
    return fold(kind, streamId, await this.store.readStream<Event>(streamId, { within: this.client }));
  }

  /** The If-Match check, once per request: throws when the caller read another version. */
  checkExpectedVersion(cause: WriteCause, streamId: string, version: number): void {
    if (cause.kind !== 'request' || cause.expectedVersion === undefined || this.versionChecked.has(cause)) return;
    this.versionChecked.add(cause);
    if (cause.expectedVersion !== version) throw new ConcurrencyError(streamId, cause.expectedVersion, version);
  }

  async handle<Command, Event extends DomainEvent, State>(
    kind: StreamKind<Command, Event, State>,
    id: string,
    command: Command,
    cause: WriteCause,
    options: HandleOptions = {},
  ): Promise<Handled<Event, State>> {
    const streamId = kind.streamId(id);
    await this.lock(streamId);
    const loaded = await this.load(kind, id);
    this.checkExpectedVersion(cause, streamId, loaded.version);
    const events = kind.decider.decide(command, loaded.state);
    const state = events.reduce(kind.decider.evolve, loaded.state);
    if (events.length === 0) {
      return {
        id,
        streamId,
        version: loaded.version,
        position: loaded.history.at(-1)?.position ?? START,
        events,
        state,
      };
    }
    const metadata = this.metadata(kind, loaded.first, command, cause, options);
    const appended = await this.append(streamId, events, metadata, loaded.version);
    return { id, streamId, version: appended.nextExpectedVersion, position: appended.position, events, state };
  }

  /** Appends decided events at the version the decision was made on. */
  append(streamId: string, events: readonly DomainEvent[], metadata: Metadata, version: number) {
    return this.store.appendWithin(
      this.client,
      streamId,
      events.map((event) => ({ type: event.type, data: event.data, metadata })),
      { expectedVersion: version },
    );
  }

  /**
   * The metadata every event needs. A stream stays with the person and journey of its first
   * event (a link may have merged persons since); a new one takes them from the options, the
   * command, or the causing event.
   */
  metadata<Command, Event extends DomainEvent, State>(
    kind: StreamKind<Command, Event, State>,
    first: RecordedEvent | undefined,
    command: Command,
    cause: WriteCause,
    options: HandleOptions = {},
  ): Metadata {
    const event = cause.kind === 'event' ? cause.event : undefined;
    const personId =
      kind.aboutPerson === false
        ? undefined
        : (first?.metadata.personId ?? options.personId ?? personOf(command) ?? event?.personId);
    return {
      occurredAt: event?.time ?? atOf(command) ?? new Date().toISOString(),
      correlationId:
        first?.metadata.correlationId ?? options.correlationId ?? event?.correlationId ?? event?.id ?? randomUUID(),
      causationId: event?.id ?? null,
      actor:
        cause.kind === 'request'
          ? eventActor(cause.agency)
          : { agencyId: `lintas-${this.service}`, clientId: `reaction:${cause.event.type}` },
      ...(personId && { personId }),
    };
  }
}

function fold<Command, Event extends DomainEvent, State>(
  kind: StreamKind<Command, Event, State>,
  streamId: string,
  history: (RecordedEvent & Event)[],
): Loaded<Event, State> {
  return {
    streamId,
    history,
    state: history.reduce<State>((state, event) => kind.decider.evolve(state, event), kind.decider.initialState),
    version: history.at(-1)?.streamVersion ?? 0,
    first: history[0],
  };
}

function personOf(command: unknown): string | undefined {
  const personId = (command as { personId?: unknown }).personId;
  return typeof personId === 'string' ? personId : undefined;
}

function atOf(command: unknown): string | undefined {
  const at = (command as { at?: unknown }).at;
  return typeof at === 'string' ? at : undefined;
}
