/** A bed held by a placement: reserved until the panti admits, then occupied at a unit and bed. */
export interface BedHolder {
  placementId: string;
  occupied: { unit: string | null; bed: string | null } | null;
}

export interface PantiState {
  beds: number;
  waitlistLimit: number | null;
  holders: readonly BedHolder[];
  /** In order of request; the first is the next to get a bed. */
  waitingList: readonly string[];
}

/**
 * A panti nobody has configured has no beds and an open waiting list: a request that arrives
 * before the capacity is set waits for it instead of failing.
 */
export const initialPantiState: PantiState = { beds: 0, waitlistLimit: null, holders: [], waitingList: [] };

export function freeBeds(state: PantiState): number {
  return Math.max(0, state.beds - state.holders.length);
}

export function holderOf(state: PantiState, placementId: string): BedHolder | undefined {
  return state.holders.find((holder) => holder.placementId === placementId);
}

/** 1-based; 0 when the placement is not waiting. */
export function queuePositionOf(state: PantiState, placementId: string): number {
  return state.waitingList.indexOf(placementId) + 1;
}

export type RequestRoute = { to: 'bed' } | { to: 'waiting-list'; queuePosition: number } | { to: 'declined-full' };

/**
 * Where a new request goes. A free bed goes to the request only when nobody waits, which keeps
 * admissions in order of request: whenever a bed frees, it is reserved for the head of the queue.
 */
export function routeNewRequest(state: PantiState): RequestRoute {
  if (freeBeds(state) > 0 && state.waitingList.length === 0) return { to: 'bed' };
  if (state.waitlistLimit === null || state.waitingList.length < state.waitlistLimit) {
    return { to: 'waiting-list', queuePosition: state.waitingList.length + 1 };
  }
  return { to: 'declined-full' };
}
