import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import type { PlacementEvent } from './placement.events';

const PERSONAL_FIELDS: Record<PlacementEvent['type'], readonly string[]> = {
  PlacementRequested: ['reason'],
  PlacementWaitlisted: [],
  PlacementDeclined: ['note'],
  PlacementWithdrawn: [],
  PlacedInPanti: [],
  AtensiPlanAgreed: ['goals', 'familyInvolvementNote'],
  AtensiServiceDelivered: ['notes'],
  ProgressReviewed: ['scores', 'summary'],
  RelapseReported: ['signsObserved'],
  ResidentReturnedFromRsj: [],
  ResidentAbsconded: ['lastSeen'],
  AbscondedResidentReturned: [],
  RehabilitationTerminated: ['recommendations'],
  PlacementOwnershipTransferred: [],
};

/** Every placement event, version 1, with the fields the store encrypts per person. */
export const PLACEMENT_EVENT_DEFINITIONS: EventDefinition[] = Object.entries(PERSONAL_FIELDS).map(
  ([type, personalFields]) => ({ type, schemaVersion: 1, personalFields }),
);
