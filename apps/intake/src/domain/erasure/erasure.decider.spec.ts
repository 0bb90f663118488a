import { given } from '@lintas/testing/decider-spec';
import { erasureDecider, type ErasePerson } from './erasure.decider';
import { type PersonErased } from './erasure.events';

const PERSON = '5f0c3c1e-8d4b-4b6a-9f6e-2f1a7c9d0b11';
const LINKED = '8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d';
const AT = '2026-12-01T09:00:00+07:00';
const admin = { agencyId: 'lintas-admin', kind: 'admin' as const, regionCode: '' };

const erase = (rest: Partial<ErasePerson> = {}): ErasePerson => ({
  type: 'ErasePerson',
  personId: PERSON,
  persons: [PERSON, LINKED],
  ground: 'data-subject-request',
  legalBasis: 'UU 27/2022 Pasal 8',
  actor: admin,
  at: AT,
  ...rest,
});

const erased: PersonErased = {
  type: 'PersonErased',
  data: {
    personId: PERSON,
    persons: [PERSON, LINKED],
    ground: 'data-subject-request',
    legalBasis: 'UU 27/2022 Pasal 8',
    erasedBy: 'lintas-admin',
    erasedAt: AT,
  },
};

describe('erasure of a person (UU PDP)', () => {
  it('records the person and every linked record, the ground and the legal basis, and who erased', () => {
    given(erasureDecider, []).when(erase()).then([erased]);
  });

  it('is done once', () => {
    given(erasureDecider, [erased]).when(erase()).thenThrows('erasure.already-erased');
  });

  it('is an admin’s act, on a stated legal basis', () => {
    const office = { agencyId: 'dinsos-3507', kind: 'dinas-sosial' as const, regionCode: '3507' };
    expect(
      given(erasureDecider, [])
        .when(erase({ actor: office }))
        .thenThrows('erasure.not-admin').kind,
    ).toBe('forbidden');
    given(erasureDecider, [])
      .when(erase({ legalBasis: '  ' }))
      .thenThrows('erasure.legal-basis-required');
  });
});
