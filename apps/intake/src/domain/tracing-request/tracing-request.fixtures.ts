import type { Actor } from '../actor';
import type { ReviewingActor, TracingRequestCommand } from './tracing-request.commands';
import { tracingRequestDecider } from './tracing-request.decider';
import type { TracingRequestEvent } from './tracing-request.events';

/**
 * Test data for the tracing-request specs: the agencies, one command of each kind with valid
 * defaults, and histories made by the decider itself, so that a history is always one it can make.
 */
export const TRACING_REQUEST_ID = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
/** The missing relative, as a person of Lintas: the key of the request's personal data. */
export const SOUGHT_PERSON_ID = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
/** Persons found by intake, unidentified, who may be the one sought. */
export const CANDIDATE_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
export const OTHER_CANDIDATE_ID = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';

/** Dinas Sosial Kabupaten Malang, where the family lives: it registers and owns the request. */
export const MALANG: Actor = { agencyId: 'dinsos-3507', kind: 'dinas-sosial', regionCode: '3507' };
/** A social worker of Malang's office, as the token names them. */
export const REVIEWER: ReviewingActor = { ...MALANG, userId: 'peksos-ani' };
export const KEDIRI: Actor = { agencyId: 'dinsos-3571', kind: 'dinas-sosial', regionCode: '3571' };
export const POLRES_MALANG: Actor = { agencyId: 'polres-malang', kind: 'polri', regionCode: '3507' };
export const RSJ_LAWANG: Actor = { agencyId: 'rsj-lawang', kind: 'rsj', regionCode: '3507' };

export const T0 = '2025-03-03T09:00:00+07:00';
export const T1 = '2025-04-10T10:00:00+07:00';

type Command<Type extends TracingRequestCommand['type']> = Extract<TracingRequestCommand, { type: Type }>;
type Fields<Type extends TracingRequestCommand['type']> = Partial<Omit<Command<Type>, 'type'>>;

const base = { tracingRequestId: TRACING_REQUEST_ID, actor: MALANG, at: T0 };

export const REQUESTER = { name: 'Ibu Sumiati', relation: 'mother', contact: '+6281200000000, Desa Sumberejo' };

export const register = (fields: Fields<'RegisterTracingRequest'> = {}): Command<'RegisterTracingRequest'> => ({
  type: 'RegisterTracingRequest',
  ...base,
  personId: SOUGHT_PERSON_ID,
  channel: 'office',
  requester: REQUESTER,
  sought: {
    names: ['Slamet Riyadi', 'Pak Met'],
    nik: '3507.1201.0185.0003',
    sex: 'male',
    ageRange: { min: 38, max: 42 },
    photoReference: 'photos/tracing/3c1d2e4f.jpg',
    marks: ['scar on the left cheek'],
    conditions: ['schizophrenia, stopped medication'],
  },
  lastSeen: { regionCode: '3507', on: '2024-11-20', place: 'Pasar Lawang' },
  ...fields,
});

export const update = (fields: Fields<'UpdateTracingRequest'> = {}): Command<'UpdateTracingRequest'> => ({
  type: 'UpdateTracingRequest',
  ...base,
  at: T1,
  lastSeen: { regionCode: '3571', on: '2024-12-02', place: 'Stasiun Kediri' },
  ...fields,
});

export const withdraw = (fields: Fields<'WithdrawTracingRequest'> = {}): Command<'WithdrawTracingRequest'> => ({
  type: 'WithdrawTracingRequest',
  ...base,
  at: T1,
  reason: 'the family moved away',
  ...fields,
});

export const closeAsFound = (
  fields: Fields<'CloseTracingRequestAsFound'> = {},
): Command<'CloseTracingRequestAsFound'> => ({
  type: 'CloseTracingRequestAsFound',
  ...base,
  at: T1,
  foundPersonId: CANDIDATE_ID,
  ...fields,
});

export const REASONS = [
  { field: 'name' as const, level: 'alike', weight: 1.7 },
  { field: 'region' as const, level: 'same-province', weight: 0.48 },
];

export const propose = (fields: Fields<'ProposeMatch'> = {}): Command<'ProposeMatch'> => ({
  type: 'ProposeMatch',
  ...base,
  candidatePersonId: CANDIDATE_ID,
  probability: 0.42,
  reasons: REASONS,
  ...fields,
});

/** The candidate's case, in the office where they were found. */
export const CANDIDATE_CASE = { caseId: '7d3c1e52-8a4f-4b6e-9c21-5f0a9d8e7b13', officeId: 'dinsos-3578' };

export const confirm = (fields: Fields<'ConfirmMatch'> = {}): Command<'ConfirmMatch'> => ({
  type: 'ConfirmMatch',
  ...base,
  actor: REVIEWER,
  candidatePersonId: CANDIDATE_ID,
  candidateCase: CANDIDATE_CASE,
  ...fields,
});

export const reject = (fields: Fields<'RejectMatch'> = {}): Command<'RejectMatch'> => ({
  type: 'RejectMatch',
  ...base,
  actor: REVIEWER,
  candidatePersonId: CANDIDATE_ID,
  reason: 'the family does not recognise him',
  ...fields,
});

/** The events the decider makes from these commands, one after another, from a new stream. */
export function historyOf(...commands: TracingRequestCommand[]): TracingRequestEvent[] {
  const history: TracingRequestEvent[] = [];
  let state = tracingRequestDecider.initialState;
  for (const command of commands) {
    const events = tracingRequestDecider.decide(command, state);
    state = events.reduce(tracingRequestDecider.evolve, state);
    history.push(...events);
  }
  return history;
}

export const histories = {
  registered: () => historyOf(register()),
  /** Registered at Polres Malang, owned by Malang's office. */
  byPolice: () => historyOf(register({ actor: POLRES_MALANG, channel: 'police', officeId: MALANG.agencyId })),
  proposed: () => historyOf(register(), propose()),
  confirmed: () => historyOf(register(), propose(), confirm()),
  rejected: () => historyOf(register(), propose(), reject()),
  withdrawn: () => historyOf(register(), propose(), withdraw()),
  found: () => historyOf(register(), propose(), confirm(), closeAsFound()),
};
