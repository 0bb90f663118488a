import type { ReunificationEvent } from './reunification.events';
import type { CaseOutcome, FamilyReadiness } from './reunification.vocabulary';

/** Where the work with the family stands; `reunified` and `long-term-placement` conclude it. */
export const REUNIFICATION_PHASES = [
  'tracing',
  'family-not-found',
  'family-located',
  'reunified',
  'long-term-placement',
] as const;
export type ReunificationPhase = (typeof REUNIFICATION_PHASES)[number];

export interface LocatedFamily {
  regionCode: string;
  /** `unassessed` until a home visit; `refuses` also when the family declined later. */
  readiness: FamilyReadiness | 'unassessed';
}

export const FOLLOW_UP_STATUSES = ['pending', 'completed', 'missed'] as const;

export interface FollowUp {
  visit: number;
  dueOn: string;
  status: (typeof FOLLOW_UP_STATUSES)[number];
}

export interface OpenedReunification {
  status: 'open' | 'closed';
  reunificationId: string;
  caseId: string;
  personId: string;
  owningOfficeId: string;
  phase: ReunificationPhase;
  family: LocatedFamily | null;
  /** The office the person was transferred to, until it accepts or declines the case. */
  pendingTransferTo: string | null;
  /**
   * The office the case moved away from before the person was recorded as transferred (intake's
   * acceptance came first): it may still record the hand-over of the person to the new owner.
   */
  movedFrom: string | null;
  followUps: readonly FollowUp[];
  died: boolean;
  outcome: CaseOutcome | null;
}

export type ReunificationState = { status: 'none' } | OpenedReunification;

export const initialReunificationState: ReunificationState = { status: 'none' };

export function evolveReunification(state: ReunificationState, event: ReunificationEvent): ReunificationState {
  if (event.type === 'FamilyTracingStarted') {
    const { reunificationId, caseId, personId, officeId } = event.data;
    return {
      status: 'open',
      reunificationId,
      caseId,
      personId,
      owningOfficeId: officeId,
      phase: 'tracing',
      family: null,
      pendingTransferTo: null,
      movedFrom: null,
      followUps: [],
      died: false,
      outcome: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'TracingLeadsAdded':
      return state;
    case 'FamilyTraced':
      return {
        ...state,
        phase: 'family-located',
        family: { regionCode: event.data.regionCode, readiness: 'unassessed' },
      };
    case 'FamilyNotFound':
      return { ...state, phase: 'family-not-found', family: null };
    case 'HomeVisitCompleted':
      return state.family ? { ...state, family: { ...state.family, readiness: event.data.readiness } } : state;
    case 'FamilyDeclinedReturn':
      return state.family ? { ...state, family: { ...state.family, readiness: 'refuses' } } : state;
    case 'TransferredToRegionOfOrigin':
      return {
        ...state,
        pendingTransferTo: event.data.toOfficeId === state.owningOfficeId ? null : event.data.toOfficeId,
        movedFrom: null,
      };
    case 'CaseOwnershipMoved':
      // Intake decides who owns the case: any accepted transfer ends the one we were waiting for.
      return {
        ...state,
        owningOfficeId: event.data.toOfficeId,
        pendingTransferTo: null,
        movedFrom: state.pendingTransferTo === event.data.toOfficeId ? null : event.data.fromOfficeId,
      };
    case 'TransferDeclined':
      return { ...state, pendingTransferTo: null };
    case 'ReunificationCompleted':
      return { ...state, phase: 'reunified' };
    case 'FollowUpScheduled':
      return {
        ...state,
        followUps: [...state.followUps, { visit: event.data.visit, dueOn: event.data.dueOn, status: 'pending' }],
      };
    case 'FollowUpVisitCompleted':
      return withFollowUp(state, event.data.visit, 'completed');
    case 'FollowUpMissed':
      return withFollowUp(state, event.data.visit, 'missed');
    case 'RelapseReportedByFamily':
      return state;
    case 'LongTermPlacementArranged':
      return { ...state, phase: 'long-term-placement' };
    case 'PersonDeathRecorded':
      return { ...state, died: true };
    case 'CaseClosed':
      return { ...state, status: 'closed', outcome: event.data.outcome };
  }
}

function withFollowUp(state: OpenedReunification, visit: number, status: FollowUp['status']): OpenedReunification {
  return {
    ...state,
    followUps: state.followUps.map((followUp) => (followUp.visit === visit ? { ...followUp, status } : followUp)),
  };
}
