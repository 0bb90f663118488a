import type { Actor } from '../actor';
import type { BedReleaseReason } from './panti.events';

/**
 * Commands on the bed book. Only `SetPantiCapacity` comes from outside; the others are issued by
 * the occupancy decider, which first applies the placement's own rules.
 */
export type PantiCommand = SetPantiCapacity | ReceivePlacementRequest | OccupyBed | ReleasePlacement;

interface PantiCommandBase {
  pantiId: string;
  actor: Actor;
  at: string;
}

export interface SetPantiCapacity extends PantiCommandBase {
  type: 'SetPantiCapacity';
  beds: number;
  waitlistLimit: number | null;
}

export interface ReceivePlacementRequest extends PantiCommandBase {
  type: 'ReceivePlacementRequest';
  placementId: string;
}

export interface OccupyBed extends PantiCommandBase {
  type: 'OccupyBed';
  placementId: string;
  unit: string | null;
  bed: string | null;
}

/** The placement no longer needs its bed or its place in the queue, whichever it has. */
export interface ReleasePlacement extends PantiCommandBase {
  type: 'ReleasePlacement';
  placementId: string;
  reason: BedReleaseReason;
}
