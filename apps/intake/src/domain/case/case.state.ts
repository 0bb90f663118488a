import { type DuplicateReason } from '../duplicates/duplicate-matcher';
import { type Sex } from '../identity/identity';
import { type CaseEvent } from './case.events';
import { type AssessmentDecision, type CandidateStatus, type CaseOutcome, type CaseStatus } from './case.vocabulary';

/**
 * What the duplicate check compares of this case's person. These fields are personal: once the
 * person's key is destroyed (UU PDP Pasal 8) the store hands them back as an erased marker, so
 * they are taken only when they have the expected type, and an erased person's case still folds.
 */
export interface KnownPerson {
  nik: string | null;
  names: string[];
  birthYear: number | null;
  sex: Sex | null;
  originRegionCode: string | null;
}

/** An earlier person proposed as the same one, and what became of the proposal. */
export interface CandidateRecord {
  personId: string;
  status: CandidateStatus;
  score: number;
  reasons: DuplicateReason[];
}

export interface RegisteredCase {
  status: CaseStatus;
  caseId: string;
  caseNumber: string;
  personId: string;
  ownerOfficeId: string;
  ownerRegionCode: string;
  foundRegionCode: string;
  person: KnownPerson;
  candidates: Readonly<Record<string, CandidateRecord>>;
  linkedInto: string | null;
  consentPurposes: string[];
  decision: AssessmentDecision | null;
  pendingTransfer: { toOfficeId: string; toOfficeRegionCode: string } | null;
  diedAt: string | null;
  abscondedAt: string | null;
  outcome: CaseOutcome | null;
}

export type CaseState = { status: 'none' } | RegisteredCase;

export const initialCaseState: CaseState = { status: 'none' };

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'IntakeRegistered') {
    const { data } = event;
    return {
      status: 'open',
      caseId: data.caseId,
      caseNumber: data.caseNumber,
      personId: data.personId,
      ownerOfficeId: data.officeId,
      ownerRegionCode: data.officeRegionCode,
      foundRegionCode: data.foundRegionCode,
      person: {
        nik: null,
        names: texts(data.descriptors?.namesMentioned),
        birthYear: null,
        sex: sexOf(data.descriptors?.sex),
        originRegionCode: null,
      },
      candidates: {},
      linkedInto: null,
      consentPurposes: [],
      decision: null,
      pendingTransfer: null,
      diedAt: null,
      abscondedAt: null,
      outcome: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PersonIdentified': {
      const { data } = event;
      return {
        ...state,
        person: {
          nik: typeof data.nik === 'string' ? data.nik : null,
          names: [...texts([data.name]), ...texts(data.aliases)],
          birthYear: typeof data.birthYear === 'number' ? data.birthYear : null,
          sex: sexOf(data.sex),
          originRegionCode: data.originRegionCode,
        },
      };
    }
    case 'DuplicateCandidateFound': {
      const { candidatePersonId, score, reasons } = event.data;
      const record: CandidateRecord = { personId: candidatePersonId, status: 'pending', score, reasons };
      return { ...state, candidates: { ...state.candidates, [candidatePersonId]: record } };
    }
    case 'DuplicateRejected':
      return withCandidate(state, event.data.candidatePersonId, 'rejected');
    case 'PersonsLinked':
      return {
        ...withCandidate(state, event.data.survivorPersonId, 'linked'),
        linkedInto: event.data.survivorPersonId,
      };
    case 'ConsentRecorded':
      return { ...state, consentPurposes: [...new Set([...state.consentPurposes, event.data.purpose])] };
    case 'AssessmentCompleted':
      return { ...state, decision: event.data.decision };
    case 'CaseTransferRequested':
      return {
        ...state,
        pendingTransfer: { toOfficeId: event.data.toOfficeId, toOfficeRegionCode: event.data.toOfficeRegionCode },
      };
    case 'CaseTransferAccepted':
      return {
        ...state,
        ownerOfficeId: event.data.toOfficeId,
        ownerRegionCode: event.data.toOfficeRegionCode,
        pendingTransfer: null,
      };
    case 'CaseTransferDeclined':
      return { ...state, pendingTransfer: null };
    case 'DeathRecorded':
      return { ...state, diedAt: event.data.diedAt };
    case 'AbscondingRecorded':
      return { ...state, abscondedAt: event.data.abscondedAt };
    case 'CaseClosed':
      return { ...state, status: 'closed', outcome: event.data.outcome, pendingTransfer: null };
  }
}

/** Proposals still waiting for a worker's decision, best first. */
export function pendingCandidates(state: CaseState): CandidateRecord[] {
  if (state.status === 'none') return [];
  return Object.values(state.candidates)
    .filter((candidate) => candidate.status === 'pending')
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId));
}

function withCandidate(state: RegisteredCase, personId: string, status: CandidateRecord['status']): RegisteredCase {
  const known = state.candidates[personId] ?? { personId, status, score: 0, reasons: [] };
  return { ...state, candidates: { ...state.candidates, [personId]: { ...known, status } } };
}

function texts(values: unknown): string[] {
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}

function sexOf(value: unknown): Sex | null {
  return value === 'male' || value === 'female' ? value : null;
}
