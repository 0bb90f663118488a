import type { Actor } from '../actor';
import type { ComplaintCommand } from './complaint.commands';
import { complaintDecider } from './complaint.decider';
import type { ComplaintEvent } from './complaint.events';

/**
 * Test data for the complaint specs: the agencies, one command of each kind with valid defaults,
 * and histories made by the decider itself, so that a history is always one it can make.
 */
export const COMPLAINT_ID = '6f5e4d3c-2b1a-4908-8f7e-6d5c4b3a2910';
export const PERSON_ID = '9d8c7b6a-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
export const CASE_ID = '5f0e2d1c-3b4a-4c5d-8e6f-7a8b9c0d1e2f';

/** Dinas Sosial Kabupaten Malang, where the family lives: it files for the family. */
export const MALANG: Actor = { agencyId: 'dinsos-3507', kind: 'dinas-sosial', regionCode: '3507' };
/** Dinas Sosial Kota Kediri, which owns the case complained of. */
export const KEDIRI: Actor = { agencyId: 'dinsos-3571', kind: 'dinas-sosial', regionCode: '3571' };
/** Dinas Sosial Provinsi Jawa Timur, Kediri's parent office. */
export const JATIM: Actor = { agencyId: 'dinsos-35', kind: 'dinas-sosial-provinsi', regionCode: '35' };
export const POLRES_MALANG: Actor = { agencyId: 'polres-malang', kind: 'polri', regionCode: '3507' };
export const RSJ_LAWANG: Actor = { agencyId: 'rsj-lawang', kind: 'rsj', regionCode: '3507' };

export const FILED_AT = '2025-03-03T09:00:00+07:00';
/** The default deadline: 14 days after filing. */
export const ANSWER_BY = '2025-03-17';
export const OVERDUE_AT = '2025-03-18T08:00:00+07:00';

type Command<Type extends ComplaintCommand['type']> = Extract<ComplaintCommand, { type: Type }>;
type Fields<Type extends ComplaintCommand['type']> = Partial<Omit<Command<Type>, 'type'>>;

const base = { complaintId: COMPLAINT_ID, actor: MALANG, at: FILED_AT };

export const file = (fields: Fields<'FileComplaint'> = {}): Command<'FileComplaint'> => ({
  type: 'FileComplaint',
  ...base,
  personId: PERSON_ID,
  kind: 'not-returned',
  about: { type: 'case', id: CASE_ID },
  channel: 'office',
  text: 'my son was found in Kediri three months ago and is still not home',
  routedTo: KEDIRI.agencyId,
  ...fields,
});

export const answer = (fields: Fields<'AnswerComplaint'> = {}): Command<'AnswerComplaint'> => ({
  type: 'AnswerComplaint',
  ...base,
  actor: KEDIRI,
  at: '2025-03-10T14:00:00+07:00',
  answer: 'the transfer to Malang is arranged for next week',
  ...fields,
});

export const escalate = (fields: Fields<'EscalateOverdueComplaint'> = {}): Command<'EscalateOverdueComplaint'> => ({
  type: 'EscalateOverdueComplaint',
  ...base,
  at: OVERDUE_AT,
  toAgencyId: JATIM.agencyId,
  ...fields,
});

export const close = (fields: Fields<'CloseComplaint'> = {}): Command<'CloseComplaint'> => ({
  type: 'CloseComplaint',
  ...base,
  at: '2025-03-20T09:00:00+07:00',
  outcome: 'resolved',
  ...fields,
});

/** The events the decider makes from these commands, one after another, from a new stream. */
export function historyOf(...commands: ComplaintCommand[]): ComplaintEvent[] {
  const history: ComplaintEvent[] = [];
  let state = complaintDecider.initialState;
  for (const command of commands) {
    const events = complaintDecider.decide(command, state);
    state = events.reduce(complaintDecider.evolve, state);
    history.push(...events);
  }
  return history;
}

export const histories = {
  filed: () => historyOf(file()),
  answered: () => historyOf(file(), answer()),
  escalated: () => historyOf(file(), escalate()),
  withdrawn: () => historyOf(file(), close({ outcome: 'withdrawn' })),
  resolved: () => historyOf(file(), answer(), close()),
};
