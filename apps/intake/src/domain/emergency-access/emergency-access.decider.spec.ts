import { given } from '@lintas/testing/decider-spec';
import {
  emergencyAccessDecider,
  type RequestEmergencyAccess,
  type ReviewEmergencyAccess,
} from './emergency-access.decider';
import { type EmergencyAccessGranted } from './emergency-access.events';

const ACCESS = '0d1c2b3a-4f5e-4d6c-8b7a-9e8f7a6b5c4d';
const PERSON = '5f0c3c1e-8d4b-4b6a-9f6e-2f1a7c9d0b11';
const rsjMenur = { agencyId: 'rsj-menur', kind: 'rsj' as const, regionCode: '3578' };
const malang = { agencyId: 'dinsos-3507', kind: 'dinas-sosial' as const, regionCode: '3507' };
const kediri = { agencyId: 'dinsos-3571', kind: 'dinas-sosial' as const, regionCode: '3571' };

const request = (rest: Partial<RequestEmergencyAccess> = {}): RequestEmergencyAccess => ({
  type: 'RequestEmergencyAccess',
  accessId: ACCESS,
  personId: PERSON,
  reason: 'brought unconscious to our emergency room at night',
  holdsForSeconds: 3 * 3600,
  owningOfficeIds: ['dinsos-3507'],
  actor: rsjMenur,
  at: '2026-12-05T22:00:00+07:00',
  ...rest,
});

const granted: EmergencyAccessGranted = {
  type: 'EmergencyAccessGranted',
  data: {
    accessId: ACCESS,
    personId: PERSON,
    agencyId: 'rsj-menur',
    agencyKind: 'rsj',
    reason: 'brought unconscious to our emergency room at night',
    grantedAt: '2026-12-05T15:00:00.000Z',
    expiresAt: '2026-12-05T18:00:00.000Z',
    owningOfficeIds: ['dinsos-3507'],
  },
};

const review = (rest: Partial<ReviewEmergencyAccess> = {}): ReviewEmergencyAccess => ({
  type: 'ReviewEmergencyAccess',
  accessId: ACCESS,
  verdict: 'justified',
  note: null,
  actor: malang,
  at: '2026-12-06T09:00:00+07:00',
  ...rest,
});

describe('emergency access (break-the-glass)', () => {
  it('holds for the configured time from when it is taken, and names the offices that review it', () => {
    given(emergencyAccessDecider).when(request()).then([granted]);
  });

  it('needs a reason a reviewer can judge, and is for agencies the rules keep out', () => {
    given(emergencyAccessDecider)
      .when(request({ reason: 'urgent' }))
      .thenThrows('emergency-access.reason-required');
    given(emergencyAccessDecider)
      .when(request({ actor: malang }))
      .thenThrows('emergency-access.own-person');
    given(emergencyAccessDecider)
      .when(request({ actor: { agencyId: 'lintas-admin', kind: 'admin', regionCode: '' } }))
      .thenThrows('emergency-access.not-for-admins');
  });

  it('is reviewed once, by an owning office or an admin; to any other office it does not exist', () => {
    given(emergencyAccessDecider, [granted])
      .when(review({ verdict: 'unjustified', note: ' no emergency ' }))
      .then([
        {
          type: 'EmergencyAccessReviewed',
          data: {
            accessId: ACCESS,
            personId: PERSON,
            verdict: 'unjustified',
            note: 'no emergency',
            reviewedBy: 'dinsos-3507',
            reviewedAt: '2026-12-06T09:00:00+07:00',
          },
        },
      ]);
    expect(
      given(emergencyAccessDecider, [granted])
        .when(review({ actor: kediri }))
        .thenThrows('emergency-access.not-owning-office').kind,
    ).toBe('not-a-party');
    const reviewed = given(emergencyAccessDecider, [granted])
      .when(review())
      .then(() => undefined);
    given(emergencyAccessDecider, [granted, ...reviewed])
      .when(review())
      .thenThrows('emergency-access.reviewed');
  });
});
