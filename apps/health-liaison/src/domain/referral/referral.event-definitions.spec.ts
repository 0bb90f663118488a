import type { ReferralEvent, ReferralEventType, ReferralRef } from './referral.events';
import { REFERRAL_EVENT_DEFINITIONS } from './referral.event-definitions';

const ref: ReferralRef = { referralId: 'r-1', caseId: 'c-1', personId: 'p-1', rsjId: 'rsj-lawang' };
const at = '2025-03-01T09:00:00.000Z';

// One event of each type with every optional field filled, so that each personal path must resolve.
const fullest: { [T in ReferralEventType]: Extract<ReferralEvent, { type: T }>['data'] } = {
  RsjReferralRequested: {
    ...ref,
    officeId: 'dinsos-3571',
    urgency: 'routine',
    guarantee: { kind: 'bpjs-pbi', reference: '0001', issuer: 'BPJS Kesehatan', validUntil: '2025-12-31' },
    at,
    returnToPlacementId: 'pl-1',
    redirectedFromReferralId: 'r-0',
  },
  ReferralLetterSent: {
    ...ref,
    letter: { reason: 'r', escort: 'e', workerContact: { name: 'n', phone: 'p' } },
    at,
  },
  PaymentGuaranteeRecorded: { ...ref, guarantee: { kind: 'sktm', reference: 'SKTM-1' }, at },
  RsjReferralAccepted: { ...ref, at, expectedAdmissionOn: '2025-03-02' },
  RsjReferralDeclined: { ...ref, reason: 'other', note: 'n', at },
  RsjReferralRedirected: { ...ref, newReferralId: 'r-2', toRsjId: 'rsj-menur', at },
  RsjReferralWithdrawn: { ...ref, reason: 'r', at },
  ReferralMovedToOffice: { ...ref, fromOfficeId: 'dinsos-3571', toOfficeId: 'dinsos-3506', at },
  PatientAdmitted: { ...ref, admittedAt: at, ward: 'w', hospitalRecordNumber: 'RM-1' },
  TreatmentNoteRecorded: { ...ref, note: 'n', at },
  PatientDischarged: {
    ...ref,
    officeId: 'dinsos-3571',
    dischargedAt: at,
    dischargeType: 'medical-advice',
    recommendation: 'panti',
    pantiId: 'panti-1',
    returnToPlacementId: 'pl-1',
    medicationPlan: 'm',
    summary: 's',
    nextControlDate: '2025-04-01',
  },
  PatientAbsconded: { ...ref, at, lastSeen: 'l' },
  PersonDied: { ...ref, at, reportedBy: 'rsj-lawang', place: 'p', certificateReference: 'c' },
};

function valueAt(data: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      data,
    );
}

describe('referral event definitions', () => {
  it('define every event type once, at schema version 1', () => {
    expect(REFERRAL_EVENT_DEFINITIONS.map((d) => d.type).sort()).toEqual(Object.keys(fullest).sort());
    expect(REFERRAL_EVENT_DEFINITIONS.every((d) => d.schemaVersion === 1)).toBe(true);
  });

  it.each(REFERRAL_EVENT_DEFINITIONS.map((d) => [d.type, d.personalFields] as const))(
    '%s: every personal path names a field',
    (type, paths) => {
      for (const path of paths) expect(valueAt(fullest[type as ReferralEventType], path)).toEqual(expect.any(String));
    },
  );

  it('keep the ids that route and key an event out of the sealed fields', () => {
    const sealed = REFERRAL_EVENT_DEFINITIONS.flatMap((d) => d.personalFields);
    for (const id of ['referralId', 'caseId', 'personId', 'rsjId', 'officeId']) expect(sealed).not.toContain(id);
  });
});
