import type { PoolClient } from 'pg';
import type { AppendResult } from './append/prepared-append';
import { ConcurrencyError } from './errors';
import type { EventMetadata } from './events/event-types';
import type { EventStore } from './event-store';
import { START } from './position';

/** A domain event as the pure domain sees it: no ids, no metadata, no position. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** An aggregate as two pure functions and a starting state (STYLE.md §2). */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

export interface HandleOptions {
  metadata: Omit<EventMetadata, 'recordedAt'>;
  /** From If-Match: the version the caller decided on; it must still be the stream's version. */
  expectedVersion?: number;
  /**
   * A transaction the caller holds (an inbox's, or one spanning two streams): the events commit
   * or roll back with the caller's other writes. Without it the append is group-committed.
   */
  within?: PoolClient;
}

/** Load the stream, fold it into state, decide, append with the version read: one use case. */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  options: HandleOptions,
): Promise<AppendResult & { events: Event[]; state: State }> {
  const history = await store.readStream(streamId, options.within ? { within: options.within } : {});
  const version = history.at(-1)?.streamVersion ?? 0;
  if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
    throw new ConcurrencyError(streamId, options.expectedVersion, version);
  }
  const state = history.reduce(
    (s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event),
    decider.initialState,
  );
  const events = decider.decide(command, state);
  const next = events.reduce(decider.evolve, state);
  if (events.length === 0) {
    return { streamId, nextExpectedVersion: version, position: history.at(-1)?.position ?? START, events, state };
  }
  const newEvents = events.map((event) => ({ type: event.type, data: event.data, metadata: options.metadata }));
  const result = options.within
    ? await store.appendWithin(options.within, streamId, newEvents, { expectedVersion: version })
    : await store.append(streamId, newEvents, { expectedVersion: version });
  return { ...result, events, state: next };
}
