import type { Actor } from '../actor';
import type { ReunificationCommand } from './reunification.commands';
import { reunificationDecider } from './reunification.decider';
import type { ReunificationEvent } from './reunification.events';

/**
 * Test data for the reunification specs: the offices, one command of each kind with valid
 * defaults, and histories made by the decider itself, so that a history is always one it can make.
 */
export const REUNIFICATION_ID = '0b6c1f0e-8a4e-4c7e-9a55-2f1d7c3e9a01';
export const CASE_ID = '5f0e2d1c-3b4a-4c5d-8e6f-7a8b9c0d1e2f';
export const PERSON_ID = '9d8c7b6a-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

/** Dinas Sosial Kota Kediri, where the person was found; it owns the case at first. */
export const KEDIRI: Actor = { agencyId: 'dinsos-3571', kind: 'dinas-sosial', regionCode: '3571' };
/** Dinas Sosial Kabupaten Malang, where the family lives. */
export const MALANG: Actor = { agencyId: 'dinsos-3507', kind: 'dinas-sosial', regionCode: '3507' };
export const RSJ_LAWANG: Actor = { agencyId: 'rsj-lawang', kind: 'rsj', regionCode: '3507' };

export const T0 = '2025-03-03T09:00:00+07:00';
export const REUNIFIED_AT = '2025-05-31T10:00:00+07:00';

type Command<Type extends ReunificationCommand['type']> = Extract<ReunificationCommand, { type: Type }>;
type Fields<Type extends ReunificationCommand['type']> = Partial<Omit<Command<Type>, 'type'>>;

const base = { reunificationId: REUNIFICATION_ID, actor: KEDIRI, at: T0 };

export const start = (fields: Fields<'StartFamilyTracing'> = {}): Command<'StartFamilyTracing'> => ({
  type: 'StartFamilyTracing',
  ...base,
  caseId: CASE_ID,
  personId: PERSON_ID,
  startedFrom: 'rsj-discharge',
  leads: ['mentions Pasar Lawang'],
  ...fields,
});

/** The family lives in Kota Kediri itself, the owning office's own region. */
export const traced = (fields: Fields<'RecordFamilyTraced'> = {}): Command<'RecordFamilyTraced'> => ({
  type: 'RecordFamilyTraced',
  ...base,
  relation: 'mother',
  familyMemberName: 'Ibu S.',
  contact: '+6281200000000, Jl. Contoh 1',
  regionCode: '357102',
  verifiedBy: 'family card',
  ...fields,
});

export const leadsAdded = (fields: Fields<'AddTracingLeads'> = {}): Command<'AddTracingLeads'> => ({
  type: 'AddTracingLeads',
  ...base,
  leads: ['an uncle in Pare'],
  ...fields,
});

export const notFound = (fields: Fields<'RecordFamilyNotFound'> = {}): Command<'RecordFamilyNotFound'> => ({
  type: 'RecordFamilyNotFound',
  ...base,
  efforts: 'asked at three villages, radio announcement',
  ...fields,
});

export const homeVisit = (fields: Fields<'CompleteHomeVisit'> = {}): Command<'CompleteHomeVisit'> => ({
  type: 'CompleteHomeVisit',
  ...base,
  readiness: 'ready',
  risks: 'none observed',
  needs: ['medication'],
  ...fields,
});

export const declined = (fields: Fields<'RecordFamilyDeclinedReturn'> = {}): Command<'RecordFamilyDeclinedReturn'> => ({
  type: 'RecordFamilyDeclinedReturn',
  ...base,
  reason: 'cannot care for him',
  ...fields,
});

export const transfer = (fields: Fields<'TransferToRegionOfOrigin'> = {}): Command<'TransferToRegionOfOrigin'> => ({
  type: 'TransferToRegionOfOrigin',
  ...base,
  toOfficeId: MALANG.agencyId,
  escort: 'two officers',
  handedTo: 'duty officer',
  ...fields,
});

export const ownershipMoved = (fields: Fields<'MoveCaseOwnership'> = {}): Command<'MoveCaseOwnership'> => ({
  type: 'MoveCaseOwnership',
  ...base,
  actor: MALANG,
  toOfficeId: MALANG.agencyId,
  ...fields,
});

export const transferDeclined = (fields: Fields<'RecordTransferDeclined'> = {}): Command<'RecordTransferDeclined'> => ({
  type: 'RecordTransferDeclined',
  ...base,
  actor: MALANG,
  toOfficeId: MALANG.agencyId,
  ...fields,
});

export const reunify = (fields: Fields<'CompleteReunification'> = {}): Command<'CompleteReunification'> => ({
  type: 'CompleteReunification',
  ...base,
  at: REUNIFIED_AT,
  handedTo: { name: 'Ibu S.', relation: 'mother' },
  place: 'family home',
  documentsHandedOver: ['discharge letter'],
  medicationHandedOver: 'one month supply',
  ...fields,
});

export const longTerm = (fields: Fields<'ArrangeLongTermPlacement'> = {}): Command<'ArrangeLongTermPlacement'> => ({
  type: 'ArrangeLongTermPlacement',
  ...base,
  pantiId: 'panti-bina-laras-kediri',
  reason: 'no-family',
  ...fields,
});

export const followUpVisit = (fields: Fields<'CompleteFollowUpVisit'> = {}): Command<'CompleteFollowUpVisit'> => ({
  type: 'CompleteFollowUpVisit',
  ...base,
  at: '2025-06-30T10:00:00+07:00',
  visit: 1,
  condition: 'stable',
  medicationAdherence: 'regular',
  socialFunctioning: 'helps at the market',
  ...fields,
});

export const followUpMissed = (fields: Fields<'RecordFollowUpMissed'> = {}): Command<'RecordFollowUpMissed'> => ({
  type: 'RecordFollowUpMissed',
  ...base,
  at: '2025-07-15T10:00:00+07:00',
  visit: 1,
  ...fields,
});

export const relapse = (fields: Fields<'ReportRelapse'> = {}): Command<'ReportRelapse'> => ({
  type: 'ReportRelapse',
  ...base,
  signs: 'not sleeping, stopped medication',
  ...fields,
});

export const died = (fields: Fields<'RecordPersonDeath'> = {}): Command<'RecordPersonDeath'> => ({
  type: 'RecordPersonDeath',
  ...base,
  actor: RSJ_LAWANG,
  diedAt: '2025-04-01T02:00:00+07:00',
  reportedBy: RSJ_LAWANG.agencyId,
  ...fields,
});

export const close = (fields: Fields<'CloseCase'> = {}): Command<'CloseCase'> => ({
  type: 'CloseCase',
  ...base,
  outcome: 'reunified',
  ...fields,
});

/** The events the decider makes from these commands, one after another, from a new stream. */
export function historyOf(...commands: ReunificationCommand[]): ReunificationEvent[] {
  const history: ReunificationEvent[] = [];
  let state = reunificationDecider.initialState;
  for (const command of commands) {
    const events = reunificationDecider.decide(command, state);
    state = events.reduce(reunificationDecider.evolve, state);
    history.push(...events);
  }
  return history;
}

export const histories = {
  tracing: () => historyOf(start()),
  familyLocated: () => historyOf(start(), traced()),
  familyReady: () => historyOf(start(), traced(), homeVisit()),
  familyDeclined: () => historyOf(start(), traced(), declined()),
  familyNotFound: () => historyOf(start(), notFound()),
  /** The family lives in Kabupaten Malang; Kediri has handed the person to Malang's office. */
  transferred: () => historyOf(start(), traced({ regionCode: '350710' }), homeVisit(), transfer()),
  transferAccepted: () =>
    historyOf(start(), traced({ regionCode: '350710' }), homeVisit(), transfer(), ownershipMoved()),
  reunified: () => historyOf(start(), traced(), homeVisit(), reunify()),
  followedUp: () =>
    historyOf(
      start(),
      traced(),
      homeVisit(),
      reunify(),
      followUpVisit({ visit: 1 }),
      followUpVisit({ visit: 2, at: '2025-08-31T10:00:00+07:00' }),
      followUpVisit({ visit: 3, at: '2025-11-30T10:00:00+07:00' }),
    ),
  placedLongTerm: () => historyOf(start(), notFound(), longTerm()),
  personDied: () => historyOf(start(), traced(), died()),
  closed: () => historyOf(start(), notFound(), longTerm(), close({ outcome: 'long-term-placement' })),
};
