import type { GlobalPosition } from '../position';

/** Who did it: the agency and the calling system or user, as authenticated at the edge. */
export interface Actor {
  agencyId: string;
  clientId: string;
  userId?: string;
}

export interface EventMetadata {
  /** When it happened in the field; an offline unit may submit days later. ISO 8601. */
  occurredAt: string;
  /** When the store recorded it. ISO 8601, set by the store. */
  recordedAt: string;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  /** The person the event is about, where there is one: the key of their personal-data encryption. */
  personId?: string;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** A UUID; generated when absent. */
  id?: string;
  type: Type;
  data: Data;
  metadata: Omit<EventMetadata, 'recordedAt'>;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  streamId: string;
  /** 1 for a stream's first event. */
  streamVersion: number;
  position: GlobalPosition;
  type: Type;
  /** The schema version of `data` as read: after upcasting, the current one. */
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}
