import type { DomainEvent } from '@lintas/event-store/decider';
import type { EventDefinition } from '@lintas/event-store/events/event-registry';

/**
 * The panti's bed book, stream `panti-<pantiId>`: how many beds, who holds one, who waits and in
 * which order. These facts guard capacity and order; what happens to a person is told by the
 * placement's own events, so nothing here is personal data.
 */
export type PantiEvent =
  | DomainEvent<'PantiCapacitySet', PantiCapacitySet>
  | DomainEvent<'BedReserved', BedReserved>
  | DomainEvent<'WaitingListJoined', WaitingListJoined>
  | DomainEvent<'WaitingListLeft', WaitingListLeft>
  | DomainEvent<'BedOccupied', BedOccupied>
  | DomainEvent<'BedReleased', BedReleased>;

export interface PantiCapacitySet {
  pantiId: string;
  beds: number;
  /** How many requests may wait; `null` for no limit, `0` to decline every request when full. */
  waitlistLimit: number | null;
  at: string;
}

/** A bed is held for a placement until the panti admits or declines it. */
export interface BedReserved {
  pantiId: string;
  placementId: string;
  at: string;
}

export interface WaitingListJoined {
  pantiId: string;
  placementId: string;
  queuePosition: number;
  at: string;
}

export type WaitingListExit = 'declined' | 'withdrawn';

export interface WaitingListLeft {
  pantiId: string;
  placementId: string;
  reason: WaitingListExit;
  at: string;
}

export interface BedOccupied {
  pantiId: string;
  placementId: string;
  unit: string | null;
  bed: string | null;
  at: string;
}

export type BedReleaseReason = 'declined' | 'withdrawn' | 'terminated';

export interface BedReleased {
  pantiId: string;
  placementId: string;
  reason: BedReleaseReason;
  at: string;
}

const PANTI_EVENT_TYPES: ReadonlySet<string> = new Set<PantiEvent['type']>([
  'PantiCapacitySet',
  'BedReserved',
  'WaitingListJoined',
  'WaitingListLeft',
  'BedOccupied',
  'BedReleased',
]);

export function isPantiEvent(event: DomainEvent): event is PantiEvent {
  return PANTI_EVENT_TYPES.has(event.type);
}

export const PANTI_EVENT_DEFINITIONS: EventDefinition[] = [...PANTI_EVENT_TYPES].map((type) => ({
  type,
  schemaVersion: 1,
  personalFields: [],
}));
