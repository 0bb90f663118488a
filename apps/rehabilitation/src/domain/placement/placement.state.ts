import type { PlacementRef } from './placement.events';
import type { PlacementKind } from './placement.vocabulary';

export const PLACEMENT_STATUSES = [
  'requested',
  'waitlisted',
  'declined',
  'withdrawn',
  'resident',
  'in-rsj',
  'absconded',
  'terminated',
] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export interface Placement {
  status: PlacementStatus;
  placementId: string;
  caseId: string;
  personId: string;
  pantiId: string;
  officeId: string;
  kind: PlacementKind;
  admittedAt: string | null;
  plan: { version: number; catalogueVersion: string } | null;
  /** The RSJ named at the last relapse, while the resident is there. */
  rsjId: string | null;
}

export type PlacementState = { status: 'none' } | Placement;

export function refOf(placement: Placement): PlacementRef {
  const { placementId, caseId, personId, pantiId } = placement;
  return { placementId, caseId, personId, pantiId };
}

export const initialPlacementState: PlacementState = { status: 'none' };

/** Waiting for the panti's answer: a bed may be reserved for it, or it may be in the queue. */
export const PENDING: readonly PlacementStatus[] = ['requested', 'waitlisted'];
/** Admitted and not terminated: the placement holds its bed, also while in the RSJ or absconded. */
export const HOLDING_BED: readonly PlacementStatus[] = ['resident', 'in-rsj', 'absconded'];

export function isPending(state: PlacementState): boolean {
  return state.status !== 'none' && PENDING.includes(state.status);
}

export function holdsBed(state: PlacementState): boolean {
  return state.status !== 'none' && HOLDING_BED.includes(state.status);
}
