/**
 * How a service publishes some of its integration events again, for the admin route every service
 * has (`POST /admin/redeliveries`): the messaging module provides it where the service publishes,
 * the platform serves it, so neither knows the other's insides. A service that publishes nothing
 * has none, and the route answers 404.
 */
export const REDELIVERER = Symbol('REDELIVERER');

/** The most events one redelivery sends: it reads, maps and writes them in one transaction. */
export const MAX_REDELIVERED_EVENTS = 10_000;

/** Which published events to send again; each criterion given narrows the selection, at least one is. */
export interface RedeliverySelection {
  /** Global positions (`<transaction>.<sequence>`), both inclusive. */
  fromPosition?: string;
  toPosition?: string;
  /** When the store recorded the events (ISO 8601), both inclusive. */
  from?: string;
  to?: string;
  eventIds?: string[];
  personId?: string;
  /** One topic the service publishes on, by its name in the contracts. */
  topic?: string;
}

export interface RedeliveryRequest {
  /** The redelivery's id: its record's event id, and the `redeliveryid` of every message it sends. */
  redeliveryId: string;
  by: { agencyId: string; clientId: string; userId?: string };
  reason: string;
  selection: RedeliverySelection;
  /** Absent: every consumer of the topics, on the topics themselves. */
  consumerGroup?: string;
}

export type RedeliveryOutcome =
  | {
      kind: 'redelivered';
      redeliveryId: string;
      events: number;
      firstPosition: string;
      lastPosition: string;
      /** Where they went, by the names in the contracts. */
      topics: string[];
    }
  /** The selection holds more events than one redelivery may send. */
  | { kind: 'too-many'; count: number; max: number }
  /** The selection holds no event the service publishes (on the topic, where it names one). */
  | { kind: 'nothing-selected' };

export interface Redeliverer {
  /** Sends the selected events again, with their own ids, and records who did it, why and what. */
  redeliver(request: RedeliveryRequest): Promise<RedeliveryOutcome>;
}
