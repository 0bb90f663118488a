import type { ExpectedVersion } from '../errors';
import type { GlobalPosition } from '../position';

/**
 * A message to other services that must leave if, and only if, its event is stored: written to
 * the outbox table in the event's transaction, shipped later by a relay.
 */
export interface OutboxMessage {
  topic: string;
  key: string;
  headers: Record<string, string>;
  value: Buffer;
}

/** An event ready to be written: serialised, personal fields already sealed. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  dataText: string;
  metadataText: string;
  personId: string | null;
  outbox?: OutboxMessage;
}

export interface AppendRequest {
  streamId: string;
  expected: ExpectedVersion;
  events: PreparedEvent[];
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: what to expect next time. */
  nextExpectedVersion: number;
  /** The global position of the last event appended. */
  position: GlobalPosition;
}

/** An event as it was written, handed to what must commit with it (the outbox). */
export interface AppendedEvent extends PreparedEvent {
  streamId: string;
  streamVersion: number;
  position: GlobalPosition;
}
