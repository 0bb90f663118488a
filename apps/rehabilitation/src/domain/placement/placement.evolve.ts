import type { PlacementEvent } from './placement.events';
import type { Placement, PlacementState } from './placement.state';

/** Folds every placement event, also those the occupancy decider emits. Uses no personal field. */
export function evolvePlacement(state: PlacementState, event: PlacementEvent): PlacementState {
  if (event.type === 'PlacementRequested') {
    const { placementId, caseId, personId, pantiId, officeId, kind } = event.data;
    return {
      status: 'requested',
      placementId,
      caseId,
      personId,
      pantiId,
      officeId,
      kind,
      admittedAt: null,
      plan: null,
      rsjId: null,
    };
  }
  if (state.status === 'none') return state;
  return evolveExisting(state, event);
}

function evolveExisting(placement: Placement, event: PlacementEvent): Placement {
  switch (event.type) {
    case 'PlacementRequested':
      return placement;
    case 'PlacementWaitlisted':
      return { ...placement, status: 'waitlisted' };
    case 'PlacementDeclined':
      return { ...placement, status: 'declined' };
    case 'PlacementWithdrawn':
      return { ...placement, status: 'withdrawn' };
    case 'PlacedInPanti':
      return { ...placement, status: 'resident', admittedAt: event.data.admittedAt };
    case 'AtensiPlanAgreed':
      return {
        ...placement,
        plan: { version: event.data.planVersion, catalogueVersion: event.data.catalogueVersion },
      };
    case 'AtensiServiceDelivered':
    case 'ProgressReviewed':
      return placement;
    case 'RelapseReported':
      return { ...placement, status: 'in-rsj', rsjId: event.data.rsjId };
    case 'ResidentReturnedFromRsj':
      return { ...placement, status: 'resident', rsjId: null };
    case 'ResidentAbsconded':
      return { ...placement, status: 'absconded' };
    case 'AbscondedResidentReturned':
      return { ...placement, status: 'resident' };
    case 'RehabilitationTerminated':
      return { ...placement, status: 'terminated', rsjId: null };
    case 'PlacementOwnershipTransferred':
      return { ...placement, officeId: event.data.toOfficeId };
  }
}
