import type { CaseEvent, PersonIdentified } from '../../domain/case/case.events';
import type {
  AssessmentDecision,
  CandidateStatus,
  CaseOutcome,
  CaseStatus,
  RiskLevel,
} from '../../domain/case/case.vocabulary';
import type { DuplicateReason } from '../../domain/duplicates/duplicate-matcher';
import type { Descriptors } from '../../domain/identity/identity';

/** The lawful basis of a consent record, as the view names it. */
export const CONSENT_BASES = ['consent-by-person', 'consent-by-guardian', 'legal-basis'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

/** How a request to take the case over ended. */
export const TRANSFER_OUTCOMES = ['accepted', 'declined'] as const;
export type TransferOutcome = (typeof TRANSFER_OUTCOMES)[number];

export interface CaseView {
  caseId: string;
  caseNumber: string;
  personId: string;
  officeId: string;
  status: CaseStatus;
  registeredAt: string;
  pickupId: string | null;
  foundRegionCode: string;
  categories: string[];
  descriptors: Descriptors | null;
  identity: Omit<PersonIdentified['data'], 'caseId' | 'personId'> | null;
  duplicateCandidates: { personId: string; score: number; reasons: DuplicateReason[]; status: CandidateStatus }[];
  linkedInto: string | null;
  consents: { purpose: string; basis: ConsentBasis; recordedAt: string }[];
  assessment: {
    decision: AssessmentDecision;
    rsjId: string | null;
    pantiId: string | null;
    needs: string[];
    riskToSelf: RiskLevel | null;
    riskToOthers: RiskLevel | null;
    notes: string | null;
    assessedAt: string;
  } | null;
  transfer: { toOfficeId: string; reason: string; requestedAt: string } | null;
  transfers: { fromOfficeId: string; toOfficeId: string; outcome: TransferOutcome; at: string }[];
  abscondedAt: string | null;
  diedAt: string | null;
  outcome: CaseOutcome | null;
  closedAt: string | null;
}

/** The case as its owning office reads it: everything, from its own stream. */
export function caseView(events: readonly CaseEvent[]): CaseView | undefined {
  let view: CaseView | undefined;
  for (const event of events) {
    if (event.type === 'IntakeRegistered') {
      const d = event.data;
      view = {
        caseId: d.caseId,
        caseNumber: d.caseNumber,
        personId: d.personId,
        officeId: d.officeId,
        status: 'open',
        registeredAt: d.registeredAt,
        pickupId: d.pickupId,
        foundRegionCode: d.foundRegionCode,
        categories: d.categories,
        descriptors: d.descriptors,
        identity: null,
        duplicateCandidates: [],
        linkedInto: null,
        consents: [],
        assessment: null,
        transfer: null,
        transfers: [],
        abscondedAt: null,
        diedAt: null,
        outcome: null,
        closedAt: null,
      };
      continue;
    }
    if (!view) continue;
    view = apply(view, event);
  }
  return view;
}

function apply(view: CaseView, event: CaseEvent): CaseView {
  switch (event.type) {
    case 'IntakeRegistered':
      return view;
    case 'PersonIdentified': {
      const { caseId: _caseId, personId: _personId, ...identity } = event.data;
      return { ...view, identity };
    }
    case 'DuplicateCandidateFound': {
      const { candidatePersonId, score, reasons } = event.data;
      const others = view.duplicateCandidates.filter((c) => c.personId !== candidatePersonId);
      return {
        ...view,
        duplicateCandidates: [...others, { personId: candidatePersonId, score, reasons, status: 'pending' }],
      };
    }
    case 'DuplicateRejected':
      return { ...view, duplicateCandidates: decide(view, event.data.candidatePersonId, 'rejected') };
    case 'PersonsLinked':
      return {
        ...view,
        linkedInto: event.data.survivorPersonId,
        duplicateCandidates: decide(view, event.data.survivorPersonId, 'linked'),
      };
    case 'ConsentRecorded':
      return {
        ...view,
        consents: [
          ...view.consents,
          {
            purpose: event.data.purpose,
            basis: event.data.basis.kind === 'consent' ? `consent-by-${event.data.basis.givenBy}` : 'legal-basis',
            recordedAt: event.data.recordedAt,
          },
        ],
      };
    case 'AssessmentCompleted': {
      const { decision, rsjId, pantiId, needs, riskToSelf, riskToOthers, notes, assessedAt } = event.data;
      return { ...view, assessment: { decision, rsjId, pantiId, needs, riskToSelf, riskToOthers, notes, assessedAt } };
    }
    case 'CaseTransferRequested':
      return {
        ...view,
        transfer: { toOfficeId: event.data.toOfficeId, reason: event.data.reason, requestedAt: event.data.requestedAt },
      };
    case 'CaseTransferAccepted':
      return {
        ...view,
        officeId: event.data.toOfficeId,
        transfer: null,
        transfers: [
          ...view.transfers,
          {
            fromOfficeId: event.data.fromOfficeId,
            toOfficeId: event.data.toOfficeId,
            outcome: 'accepted',
            at: event.data.acceptedAt,
          },
        ],
      };
    case 'CaseTransferDeclined':
      return {
        ...view,
        transfer: null,
        transfers: [
          ...view.transfers,
          {
            fromOfficeId: event.data.fromOfficeId,
            toOfficeId: event.data.toOfficeId,
            outcome: 'declined',
            at: event.data.declinedAt,
          },
        ],
      };
    case 'AbscondingRecorded':
      return { ...view, abscondedAt: event.data.abscondedAt };
    case 'DeathRecorded':
      return { ...view, diedAt: event.data.diedAt };
    case 'CaseClosed':
      return { ...view, status: 'closed', outcome: event.data.outcome, closedAt: event.data.closedAt, transfer: null };
  }
}

function decide(view: CaseView, personId: string, status: CandidateStatus): CaseView['duplicateCandidates'] {
  return view.duplicateCandidates.map((c) => (c.personId === personId ? { ...c, status } : c));
}
