import type { AtensiSetting } from '../../domain/atensi/atensi-settings';
import { holderOf, queuePositionOf, type PantiState } from '../../domain/panti/panti.state';
import type { PlacementEvent, PlannedService } from '../../domain/placement/placement.events';
import { evolvePlacement } from '../../domain/placement/placement.evolve';
import { initialPlacementState, type Placement } from '../../domain/placement/placement.state';
import type { DeclineReason, PlacementKind, TerminationReason } from '../../domain/placement/placement.vocabulary';

/** A placement as its panti and its office read it: where it stands, no personal details. */
export interface PlacementView {
  placementId: string;
  caseId: string;
  personId: string;
  pantiId: string;
  officeId: string;
  kind: PlacementKind;
  status: Placement['status'];
  /** The stream version: send it back as If-Match. */
  version: number;
  requestedAt: string;
  /** While pending: whether a bed is held, or the place in the queue now. */
  bedReserved: boolean;
  queuePosition: number | null;
  admittedAt: string | null;
  unit: string | null;
  bed: string | null;
  plan: {
    version: number;
    catalogueVersion: string;
    services: PlannedService[];
    setting: AtensiSetting;
    reviewDates: string[];
  } | null;
  servicesDelivered: number;
  reviews: number;
  nextReviewOn: string | null;
  relapses: number;
  /** The RSJ the resident is in after a relapse. */
  rsjId: string | null;
  declineReason: DeclineReason | null;
  termination: { reason: TerminationReason; at: string } | null;
}

export function placementView(events: readonly PlacementEvent[], version: number): PlacementView | undefined {
  const state = events.reduce(evolvePlacement, initialPlacementState);
  if (state.status === 'none') return undefined;
  const view: PlacementView = {
    placementId: state.placementId,
    caseId: state.caseId,
    personId: state.personId,
    pantiId: state.pantiId,
    officeId: state.officeId,
    kind: state.kind,
    status: state.status,
    version,
    requestedAt: '',
    bedReserved: false,
    queuePosition: null,
    admittedAt: state.admittedAt,
    unit: null,
    bed: null,
    plan: null,
    servicesDelivered: 0,
    reviews: 0,
    nextReviewOn: null,
    relapses: 0,
    rsjId: state.rsjId,
    declineReason: null,
    termination: null,
  };
  for (const event of events) note(view, event);
  return view;
}

export function isPending(view: PlacementView): boolean {
  return view.status === 'requested' || view.status === 'waitlisted';
}

/** Where a pending placement stands in its panti now: a bed held, or its place in the queue. */
export function withQueue(view: PlacementView, panti: PantiState): PlacementView {
  const position = queuePositionOf(panti, view.placementId);
  return {
    ...view,
    bedReserved: holderOf(panti, view.placementId) !== undefined,
    queuePosition: position > 0 ? position : null,
  };
}

function note(view: PlacementView, event: PlacementEvent): void {
  switch (event.type) {
    case 'PlacementRequested':
      view.requestedAt = event.data.at;
      return;
    case 'PlacedInPanti':
      view.unit = event.data.unit;
      view.bed = event.data.bed;
      return;
    case 'AtensiPlanAgreed': {
      const { planVersion, catalogueVersion, plannedServices, setting, reviewDates } = event.data;
      view.plan = { version: planVersion, catalogueVersion, services: plannedServices, setting, reviewDates };
      view.nextReviewOn = reviewDates[0] ?? null;
      return;
    }
    case 'AtensiServiceDelivered':
      view.servicesDelivered += 1;
      return;
    case 'ProgressReviewed':
      view.reviews += 1;
      view.nextReviewOn = event.data.nextReviewOn;
      return;
    case 'RelapseReported':
      view.relapses += 1;
      return;
    case 'PlacementDeclined':
      view.declineReason = event.data.reason;
      return;
    case 'RehabilitationTerminated':
      view.termination = { reason: event.data.reason, at: event.data.at };
      return;
    default:
      return;
  }
}
