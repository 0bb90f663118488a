import { given } from '@lintas/testing/decider-spec';
import { tracingRequestDecider } from './tracing-request.decider';
import {
  CANDIDATE_ID,
  closeAsFound,
  histories,
  KEDIRI,
  MALANG,
  POLRES_MALANG,
  register,
  REQUESTER,
  RSJ_LAWANG,
  SOUGHT_PERSON_ID,
  T0,
  T1,
  TRACING_REQUEST_ID,
  update,
  withdraw,
} from './tracing-request.fixtures';

const ref = { tracingRequestId: TRACING_REQUEST_ID, personId: SOUGHT_PERSON_ID, officeId: MALANG.agencyId };

describe('registering a tracing request', () => {
  it('records who asks, the relative described and where they were last seen, owned by the office', () => {
    given(tracingRequestDecider)
      .when(register())
      .then([
        {
          type: 'TracingRequestRegistered',
          data: {
            ...ref,
            registeredBy: MALANG.agencyId,
            channel: 'office',
            requester: REQUESTER,
            sought: {
              names: ['Slamet Riyadi', 'Pak Met'],
              nik: '3507120101850003',
              sex: 'male',
              ageRange: { min: 38, max: 42 },
              photoReference: 'photos/tracing/3c1d2e4f.jpg',
              marks: ['scar on the left cheek'],
              conditions: ['schizophrenia, stopped medication'],
            },
            lastSeen: { regionCode: '3507', on: '2024-11-20', place: 'Pasar Lawang' },
            at: T0,
          },
        },
      ]);
  });

  it('needs no more than a name and where and when the relative was last seen', () => {
    given(tracingRequestDecider)
      .when(register({ sought: { names: ['Slamet', ' '] }, lastSeen: { regionCode: '35', on: '2024-11-20' } }))
      .then((events) =>
        expect(events[0]?.data).toMatchObject({
          sought: { names: ['Slamet'], marks: [], conditions: [] },
          lastSeen: { regionCode: '35', on: '2024-11-20' },
        }),
      );
  });

  it('records a Dinas Sosial office speaking for a puskesmas or a community worker', () => {
    given(tracingRequestDecider)
      .when(register({ channel: 'community-worker' }))
      .then((events) => expect(events[0]?.data).toMatchObject({ channel: 'community-worker' }));
  });

  it('is registered once', () => {
    given(tracingRequestDecider, histories.registered())
      .when(register())
      .thenThrows('tracing-request.already-registered');
  });

  it('is registered by a Dinas Sosial office or the police, not by an RSJ', () => {
    const error = given(tracingRequestDecider)
      .when(register({ actor: RSJ_LAWANG }))
      .thenThrows('tracing-request.not-a-registrar');
    expect(error.kind).toBe('forbidden');
  });

  it('is registered by the police for the office that will own it', () => {
    given(tracingRequestDecider)
      .when(register({ actor: POLRES_MALANG, channel: 'police', officeId: MALANG.agencyId }))
      .then((events) =>
        expect(events[0]?.data).toMatchObject({ officeId: MALANG.agencyId, registeredBy: 'polres-malang' }),
      );
    given(tracingRequestDecider)
      .when(register({ actor: POLRES_MALANG, channel: 'police' }))
      .thenThrows('tracing-request.office-required');
  });

  it('records the police only on the police channel', () => {
    given(tracingRequestDecider)
      .when(register({ actor: POLRES_MALANG, channel: 'office', officeId: MALANG.agencyId }))
      .thenThrows('tracing-request.channel-not-of-agency');
  });

  it('is owned by the office that registers it', () => {
    given(tracingRequestDecider)
      .when(register({ officeId: KEDIRI.agencyId }))
      .thenThrows('tracing-request.office-not-registrar');
  });

  it.each([
    ['no name', { sought: { names: [''] } }, 'tracing-request.name-required'],
    ['a 30 February', { sought: { names: ['Slamet'], birthDate: '1985-02-30' } }, 'tracing-request.invalid-date'],
    [
      'an age range upside down',
      { sought: { names: ['Slamet'], ageRange: { min: 42, max: 38 } } },
      'tracing-request.invalid-age-range',
    ],
    [
      'a region that is no Kemendagri code',
      { lastSeen: { regionCode: '35O7', on: '2024-11-20' } },
      'tracing-request.invalid-region-code',
    ],
    [
      'a day last seen after the request',
      { lastSeen: { regionCode: '3507', on: '2025-03-04' } },
      'tracing-request.last-seen-in-future',
    ],
  ] as const)('refuses %s', (_, fields, code) => {
    const error = given(tracingRequestDecider).when(register(fields)).thenThrows(code);
    expect(error.kind).toBe('invalid');
  });
});

describe('updating a tracing request', () => {
  it('records the parts given, each whole', () => {
    given(tracingRequestDecider, histories.registered())
      .when(update())
      .then([
        {
          type: 'TracingRequestUpdated',
          data: {
            ...ref,
            updatedBy: MALANG.agencyId,
            lastSeen: { regionCode: '3571', on: '2024-12-02', place: 'Stasiun Kediri' },
            at: T1,
          },
        },
      ]);
  });

  it('records nothing when nothing is given', () => {
    given(tracingRequestDecider, histories.registered())
      .when(update({ lastSeen: undefined }))
      .then([]);
  });

  it('checks a new description as a registration does', () => {
    given(tracingRequestDecider, histories.registered())
      .when(update({ sought: { names: [] } }))
      .thenThrows('tracing-request.name-required');
  });

  it('is made by either party: the police that registered it, or the owning office', () => {
    given(tracingRequestDecider, histories.byPolice())
      .when(update({ actor: POLRES_MALANG }))
      .then((events) => expect(events[0]?.data).toMatchObject({ updatedBy: 'polres-malang' }));
    given(tracingRequestDecider, histories.byPolice())
      .when(update())
      .then((events) => expect(events).toHaveLength(1));
  });

  it('does not exist for any other agency', () => {
    const error = given(tracingRequestDecider, histories.found())
      .when(update({ actor: KEDIRI }))
      .thenThrows('tracing-request.not-a-party');
    expect(error.kind).toBe('not-a-party');
  });

  it('is over once the request is withdrawn or found', () => {
    given(tracingRequestDecider, histories.withdrawn()).when(update()).thenThrows('tracing-request.closed');
    given(tracingRequestDecider, histories.found()).when(update()).thenThrows('tracing-request.closed');
  });

  it('needs a registered request', () => {
    const error = given(tracingRequestDecider).when(update()).thenThrows('tracing-request.not-found');
    expect(error.kind).toBe('not-found');
  });
});

describe('withdrawing a tracing request', () => {
  it('records who withdrew it and why', () => {
    given(tracingRequestDecider, histories.proposed())
      .when(withdraw())
      .then([
        {
          type: 'TracingRequestWithdrawn',
          data: { ...ref, withdrawnBy: MALANG.agencyId, reason: 'the family moved away', at: T1 },
        },
      ]);
  });

  it('is done by a party, once', () => {
    given(tracingRequestDecider, histories.byPolice())
      .when(withdraw({ actor: POLRES_MALANG, reason: undefined }))
      .then((events) => expect(events[0]?.data).toEqual({ ...ref, withdrawnBy: 'polres-malang', at: T1 }));
    given(tracingRequestDecider, histories.registered())
      .when(withdraw({ actor: KEDIRI }))
      .thenThrows('tracing-request.not-a-party');
    given(tracingRequestDecider, histories.withdrawn()).when(withdraw()).thenThrows('tracing-request.closed');
  });
});

describe('closing a tracing request as found', () => {
  it('closes on a confirmed match, once the family verified it', () => {
    given(tracingRequestDecider, histories.confirmed())
      .when(closeAsFound({ note: 'mother recognised him at the shelter' }))
      .then([
        {
          type: 'TracingRequestClosedAsFound',
          data: {
            ...ref,
            closedBy: MALANG.agencyId,
            foundPersonId: CANDIDATE_ID,
            note: 'mother recognised him at the shelter',
            at: T1,
          },
        },
      ]);
  });

  it('does not close on a match only proposed, or rejected', () => {
    given(tracingRequestDecider, histories.proposed())
      .when(closeAsFound())
      .thenThrows('tracing-request.match-not-confirmed');
    given(tracingRequestDecider, histories.rejected())
      .when(closeAsFound())
      .thenThrows('tracing-request.match-not-confirmed');
  });

  it('closes on a match by the owning office only', () => {
    const error = given(tracingRequestDecider, histories.byPolice())
      .when(closeAsFound({ actor: POLRES_MALANG }))
      .thenThrows('tracing-request.not-owning-office');
    expect(error.kind).toBe('forbidden');
  });

  it('closes without a match when the relative came home on their own, reported by either party', () => {
    given(tracingRequestDecider, histories.byPolice())
      .when(closeAsFound({ actor: POLRES_MALANG, foundPersonId: undefined }))
      .then([{ type: 'TracingRequestClosedAsFound', data: { ...ref, closedBy: 'polres-malang', at: T1 } }]);
  });

  it('closes once, and not after a withdrawal', () => {
    given(tracingRequestDecider, histories.found()).when(closeAsFound()).thenThrows('tracing-request.closed');
    given(tracingRequestDecider, histories.withdrawn())
      .when(closeAsFound({ foundPersonId: undefined }))
      .thenThrows('tracing-request.closed');
  });
});
