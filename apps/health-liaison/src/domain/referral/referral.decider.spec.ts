import { given } from '@lintas/testing/decider-spec';
import type { Actor } from '../actor';
import type { ReferralCommand } from './referral.commands';
import { referralDecider } from './referral.decider';
import type { ReferralEvent, ReferralRef } from './referral.events';
import { redirectedRequest } from './referral.redirect';
import { referralStream } from './referral.stream';
import type { PaymentGuarantee, ReferralLetter } from './referral.vocabulary';

const office: Actor = { agencyId: 'dinsos-3571', kind: 'dinas-sosial', regionCode: '3571' };
const otherOffice: Actor = { agencyId: 'dinsos-3506', kind: 'dinas-sosial', regionCode: '3506' };
const rsj: Actor = { agencyId: 'rsj-lawang', kind: 'rsj', regionCode: '3507' };
const otherRsj: Actor = { agencyId: 'rsj-menur', kind: 'rsj', regionCode: '3578' };
const panti: Actor = { agencyId: 'panti-bina-laras-kediri', kind: 'panti', regionCode: '3571' };

const ref: ReferralRef = {
  referralId: '6f1c2b4e-0a3d-4c8e-9b1f-2d3e4f5a6b7c',
  caseId: '0b7d9a3c-5e2f-4a1b-8c6d-7e8f9a0b1c2d',
  personId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  rsjId: rsj.agencyId,
};
const { referralId } = ref;
const newReferralId = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const placementId = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f';
const T = (day: number, hour = 9) =>
  `2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const guarantee: PaymentGuarantee = { kind: 'dinas-sosial-letter' };
const letter: ReferralLetter = {
  reason: 'talks to himself, refuses food for three days',
  escort: 'two Satpol PP officers and the case worker',
  workerContact: { name: 'Sri Wahyuni', phone: '+62 812 0000 0000' },
};

// ── commands, with the actor who may give them and only what a test varies ──────────────────────

const request = (over: Partial<Extract<ReferralCommand, { type: 'RequestReferral' }>> = {}): ReferralCommand => ({
  type: 'RequestReferral',
  actor: office,
  at: T(1),
  referralId,
  caseId: ref.caseId,
  personId: ref.personId,
  rsjId: rsj.agencyId,
  urgency: 'urgent',
  guarantee,
  ...over,
});
const sendLetter = (actor = office): ReferralCommand => ({
  type: 'SendReferralLetter',
  actor,
  at: T(1, 10),
  referralId,
  letter,
});
const recordGuarantee = (g: PaymentGuarantee, actor = office): ReferralCommand => ({
  type: 'RecordPaymentGuarantee',
  actor,
  at: T(1, 11),
  referralId,
  guarantee: g,
});
const accept = (actor = rsj): ReferralCommand => ({
  type: 'AcceptReferral',
  actor,
  at: T(2),
  referralId,
  expectedAdmissionOn: '2025-03-03',
});
const decline = (over: { reason?: 'no-bed' | 'other'; note?: string; actor?: Actor } = {}): ReferralCommand => ({
  type: 'DeclineReferral',
  actor: over.actor ?? rsj,
  at: T(2),
  referralId,
  reason: over.reason ?? 'no-bed',
  ...(over.note !== undefined && { note: over.note }),
});
const redirect = (
  over: { toRsjId?: string; newReferralId?: string; actor?: Actor } = {},
): ReferralCommand & {
  type: 'RedirectReferral';
} => ({
  type: 'RedirectReferral',
  actor: over.actor ?? office,
  at: T(2, 12),
  referralId,
  newReferralId: over.newReferralId ?? newReferralId,
  toRsjId: over.toRsjId ?? otherRsj.agencyId,
});
const withdraw = (actor = office): ReferralCommand => ({
  type: 'WithdrawReferral',
  actor,
  at: T(2, 13),
  referralId,
  reason: 'family found and takes him home',
});
const move = (actor = otherOffice, fromOfficeId = office.agencyId): ReferralCommand => ({
  type: 'MoveReferralToOffice',
  actor,
  at: T(2, 14),
  referralId,
  fromOfficeId,
});
const admit = (actor = rsj, at = T(3)): ReferralCommand => ({
  type: 'AdmitPatient',
  actor,
  at,
  referralId,
  ward: 'Wijaya Kusuma',
  hospitalRecordNumber: 'RM-2025-001234',
});
const note = (actor = rsj): ReferralCommand => ({
  type: 'RecordTreatmentNote',
  actor,
  at: T(5),
  referralId,
  note: 'calmer, sleeping, eats',
});
const discharge = (over: Partial<Extract<ReferralCommand, { type: 'DischargePatient' }>> = {}): ReferralCommand => ({
  type: 'DischargePatient',
  actor: rsj,
  at: T(20),
  referralId,
  dischargeType: 'medical-advice',
  recommendation: 'panti',
  pantiId: panti.agencyId,
  medicationPlan: 'risperidone 2 mg twice daily',
  nextControlDate: '2025-04-03',
  ...over,
});
const abscond = (actor = rsj, at = T(6)): ReferralCommand => ({
  type: 'ReportAbsconding',
  actor,
  at,
  referralId,
  lastSeen: 'garden gate, evening meal',
});
const death = (actor: Actor = rsj): ReferralCommand => ({
  type: 'ReportDeath',
  actor,
  at: T(7),
  referralId,
  place: 'ward Wijaya Kusuma',
  certificateReference: 'SKK-2025-77',
});

// ── histories ────────────────────────────────────────────────────────────────────────────────────

const requested = (over: { returnToPlacementId?: string } = {}): ReferralEvent => ({
  type: 'RsjReferralRequested',
  data: { ...ref, officeId: office.agencyId, urgency: 'urgent', guarantee, at: T(1), ...over },
});
const accepted: ReferralEvent = {
  type: 'RsjReferralAccepted',
  data: { ...ref, at: T(2), expectedAdmissionOn: '2025-03-03' },
};
const declined: ReferralEvent = { type: 'RsjReferralDeclined', data: { ...ref, reason: 'no-bed', at: T(2) } };
const admitted: ReferralEvent = {
  type: 'PatientAdmitted',
  data: { ...ref, admittedAt: T(3), ward: 'Wijaya Kusuma', hospitalRecordNumber: 'RM-2025-001234' },
};
const letterSent: ReferralEvent = { type: 'ReferralLetterSent', data: { ...ref, letter, at: T(1, 10) } };
const redirected: ReferralEvent = {
  type: 'RsjReferralRedirected',
  data: { ...ref, newReferralId, toRsjId: otherRsj.agencyId, at: T(2, 12) },
};
const withdrawn: ReferralEvent = {
  type: 'RsjReferralWithdrawn',
  data: { ...ref, reason: 'family found', at: T(2, 13) },
};
const discharged: ReferralEvent = {
  type: 'PatientDischarged',
  data: {
    ...ref,
    officeId: office.agencyId,
    dischargedAt: T(20),
    dischargeType: 'medical-advice',
    recommendation: 'family',
    medicationPlan: 'risperidone 2 mg twice daily',
  },
};
const absconded: ReferralEvent = { type: 'PatientAbsconded', data: { ...ref, at: T(6) } };
const died: ReferralEvent = { type: 'PersonDied', data: { ...ref, at: T(7), reportedBy: rsj.agencyId } };
const moved: ReferralEvent = {
  type: 'ReferralMovedToOffice',
  data: { ...ref, fromOfficeId: office.agencyId, toOfficeId: otherOffice.agencyId, at: T(2, 14) },
};

const pending = [requested()];
const onWard = [requested(), accepted, admitted];

describe('referral decider', () => {
  it('names its stream after the referral', () => {
    expect(referralStream.streamId(referralId)).toBe(`referral-${referralId}`);
  });

  describe('RequestReferral', () => {
    it('refers the person to the named RSJ for the owning office', () => {
      given(referralDecider).when(request()).then([requested()]);
    });

    it('sends the letter along when the office wrote one', () => {
      given(referralDecider)
        .when(request({ letter }))
        .then([requested(), { type: 'ReferralLetterSent', data: { ...ref, letter, at: T(1) } }]);
    });

    it('keeps the placement a relapsed resident returns to', () => {
      given(referralDecider)
        .when(request({ returnToPlacementId: placementId }))
        .then([requested({ returnToPlacementId: placementId })]);
    });

    it('is asked for by a Dinas Sosial office only', () => {
      given(referralDecider)
        .when(request({ actor: rsj }))
        .thenThrows('referral.not-an-office');
    });

    it('decides nothing new when the same request comes again', () => {
      given(referralDecider, pending)
        .when(request({ at: T(4) }))
        .then([]);
    });

    it('refuses another request under a referral id already taken', () => {
      given(referralDecider, pending)
        .when(request({ rsjId: otherRsj.agencyId }))
        .thenThrows('referral.already-exists');
    });
  });

  it('refuses every other command on a referral that was never requested', () => {
    given(referralDecider).when(accept()).thenThrows('referral.not-found');
  });

  describe('SendReferralLetter', () => {
    it('lets the owning office send the letter while the referral is open', () => {
      given(referralDecider, pending).when(sendLetter()).then([letterSent]);
    });

    it('is for the owning office only', () => {
      given(referralDecider, pending).when(sendLetter(otherOffice)).thenThrows('referral.not-owning-office');
      given(referralDecider, pending).when(sendLetter(rsj)).thenThrows('referral.not-owning-office');
    });

    it('is refused once the referral is closed', () => {
      given(referralDecider, [requested(), withdrawn]).when(sendLetter()).thenThrows('referral.closed');
    });
  });

  describe('RecordPaymentGuarantee', () => {
    const bpjs: PaymentGuarantee = { kind: 'bpjs-pbi', reference: '0001234567890', validUntil: '2025-12-31' };

    it('records a new or updated guarantee', () => {
      given(referralDecider, pending)
        .when(recordGuarantee(bpjs))
        .then([{ type: 'PaymentGuaranteeRecorded', data: { ...ref, guarantee: bpjs, at: T(1, 11) } }]);
    });

    it('records nothing when the guarantee is unchanged', () => {
      given(referralDecider, pending)
        .when(recordGuarantee({ ...guarantee }))
        .then([]);
    });

    it('is for the owning office only', () => {
      given(referralDecider, pending).when(recordGuarantee(bpjs, rsj)).thenThrows('referral.not-owning-office');
    });

    it('is refused after discharge', () => {
      given(referralDecider, [...onWard, discharged])
        .when(recordGuarantee(bpjs))
        .thenThrows('referral.closed');
    });
  });

  describe('AcceptReferral', () => {
    it('lets the addressed RSJ accept a pending referral', () => {
      given(referralDecider, pending).when(accept()).then([accepted]);
    });

    it('is for the addressed RSJ only', () => {
      given(referralDecider, pending).when(accept(otherRsj)).thenThrows('referral.not-addressee');
      given(referralDecider, pending).when(accept(office)).thenThrows('referral.not-addressee');
    });

    it('is refused after a decline', () => {
      given(referralDecider, [requested(), declined]).when(accept()).thenThrows('referral.already-decided');
    });

    it('is not decided twice', () => {
      given(referralDecider, [requested(), accepted]).when(accept()).thenThrows('referral.already-decided');
    });

    it('is refused once the office withdrew the referral', () => {
      given(referralDecider, [requested(), withdrawn]).when(accept()).thenThrows('referral.closed');
    });
  });

  describe('DeclineReferral', () => {
    it('lets the addressed RSJ decline with a reason code', () => {
      given(referralDecider, pending).when(decline()).then([declined]);
    });

    it("needs a note when the reason is 'other'", () => {
      given(referralDecider, pending)
        .when(decline({ reason: 'other' }))
        .thenThrows('referral.decline-note-required');
      given(referralDecider, pending)
        .when(decline({ reason: 'other', note: 'ward closed for renovation' }))
        .then([
          {
            type: 'RsjReferralDeclined',
            data: { ...ref, reason: 'other', note: 'ward closed for renovation', at: T(2) },
          },
        ]);
    });

    it('is for the addressed RSJ only', () => {
      given(referralDecider, pending)
        .when(decline({ actor: otherRsj }))
        .thenThrows('referral.not-addressee');
    });

    it('is refused after an acceptance', () => {
      given(referralDecider, [requested(), accepted]).when(decline()).thenThrows('referral.already-decided');
    });

    it('is not decided twice', () => {
      given(referralDecider, [requested(), declined]).when(decline()).thenThrows('referral.already-decided');
    });
  });

  describe('RedirectReferral', () => {
    const wasDeclined = [requested(), letterSent, declined];

    it('closes a declined referral with a pointer to the new one', () => {
      given(referralDecider, wasDeclined).when(redirect()).then([redirected]);
    });

    it('opens the new referral with the same case, guarantee and letter, to the new RSJ', () => {
      const after = given(referralDecider, [...wasDeclined, redirected]).state;
      const next = redirectedRequest(after, redirect());
      given(referralDecider)
        .when(next)
        .then([
          {
            type: 'RsjReferralRequested',
            data: {
              ...ref,
              referralId: newReferralId,
              rsjId: otherRsj.agencyId,
              officeId: office.agencyId,
              urgency: 'urgent',
              guarantee,
              at: T(2, 12),
              redirectedFromReferralId: referralId,
            },
          },
          {
            type: 'ReferralLetterSent',
            data: { ...ref, referralId: newReferralId, rsjId: otherRsj.agencyId, letter, at: T(2, 12) },
          },
        ]);
    });

    it('builds the new request only from a referral redirected there', () => {
      const stillDeclined = given(referralDecider, wasDeclined).state;
      expect(() => redirectedRequest(stillDeclined, redirect())).toThrow('referral.not-redirected');
    });

    it('is idempotent: the same redirect again decides nothing', () => {
      given(referralDecider, [...wasDeclined, redirected])
        .when(redirect())
        .then([]);
    });

    it('does not redirect one referral twice to different places', () => {
      given(referralDecider, [...wasDeclined, redirected])
        .when(redirect({ toRsjId: 'rsj-radjiman' }))
        .thenThrows('referral.already-redirected');
    });

    it('redirects only a declined referral', () => {
      given(referralDecider, pending).when(redirect()).thenThrows('referral.not-declined');
      given(referralDecider, [requested(), accepted]).when(redirect()).thenThrows('referral.not-declined');
    });

    it('goes to another RSJ', () => {
      given(referralDecider, wasDeclined)
        .when(redirect({ toRsjId: rsj.agencyId }))
        .thenThrows('referral.redirect-to-same-rsj');
    });

    it('needs a new referral id', () => {
      given(referralDecider, wasDeclined)
        .when(redirect({ newReferralId: referralId }))
        .thenThrows('referral.redirect-to-itself');
    });

    it('is for the owning office only', () => {
      given(referralDecider, wasDeclined)
        .when(redirect({ actor: rsj }))
        .thenThrows('referral.not-owning-office');
    });

    it('leaves the old referral closed to the RSJ that declined it', () => {
      given(referralDecider, [...wasDeclined, redirected])
        .when(accept())
        .thenThrows('referral.closed');
    });
  });

  describe('WithdrawReferral', () => {
    it('lets the owning office withdraw a pending referral', () => {
      given(referralDecider, pending)
        .when(withdraw())
        .then([
          { type: 'RsjReferralWithdrawn', data: { ...ref, reason: 'family found and takes him home', at: T(2, 13) } },
        ]);
    });

    it('still withdraws an accepted referral before admission', () => {
      given(referralDecider, [requested(), accepted])
        .when(withdraw())
        .then((events) => {
          expect(events.map((e) => e.type)).toEqual(['RsjReferralWithdrawn']);
        });
    });

    it('is refused once the patient is admitted or the RSJ declined', () => {
      given(referralDecider, onWard).when(withdraw()).thenThrows('referral.not-pending');
      given(referralDecider, [requested(), declined]).when(withdraw()).thenThrows('referral.not-pending');
    });

    it('is for the owning office only', () => {
      given(referralDecider, pending).when(withdraw(rsj)).thenThrows('referral.not-owning-office');
    });
  });

  describe('MoveReferralToOffice', () => {
    it('hands the referral to the office that accepted the case', () => {
      given(referralDecider, pending).when(move()).then([moved]);
    });

    it('gives the new office the owner’s rights and takes them from the old one', () => {
      given(referralDecider, [requested(), moved])
        .when(withdraw(otherOffice))
        .then((events) => {
          expect(events).toHaveLength(1);
        });
      given(referralDecider, [requested(), moved]).when(withdraw(office)).thenThrows('referral.not-owning-office');
    });

    it('sends the discharge to the new office', () => {
      given(referralDecider, [...onWard, moved])
        .when(discharge())
        .then(([event]) => expect(event?.data).toMatchObject({ officeId: otherOffice.agencyId }));
    });

    it('decides nothing when the referral already moved', () => {
      given(referralDecider, [requested(), moved]).when(move()).then([]);
    });

    it('moves only from the office that owns the referral', () => {
      given(referralDecider, pending).when(move(otherOffice, 'dinsos-3578')).thenThrows('referral.office-mismatch');
    });

    it('moves only to a Dinas Sosial office', () => {
      given(referralDecider, pending).when(move(rsj)).thenThrows('referral.not-an-office');
    });
  });

  describe('AdmitPatient', () => {
    it('admits after acceptance', () => {
      given(referralDecider, [requested(), accepted]).when(admit()).then([admitted]);
    });

    it('does not admit before acceptance', () => {
      given(referralDecider, pending).when(admit()).thenThrows('referral.not-accepted');
    });

    it('does not admit after a decline', () => {
      given(referralDecider, [requested(), declined]).when(admit()).thenThrows('referral.not-accepted');
    });

    it('does not admit twice', () => {
      given(referralDecider, onWard).when(admit()).thenThrows('referral.already-admitted');
    });

    it('is for the addressed RSJ only', () => {
      given(referralDecider, [requested(), accepted]).when(admit(otherRsj)).thenThrows('referral.not-addressee');
    });
  });

  describe('RecordTreatmentNote', () => {
    it('records a clinical note while the patient is on the ward', () => {
      given(referralDecider, onWard)
        .when(note())
        .then([{ type: 'TreatmentNoteRecorded', data: { ...ref, note: 'calmer, sleeping, eats', at: T(5) } }]);
    });

    it('is refused before admission', () => {
      given(referralDecider, [requested(), accepted]).when(note()).thenThrows('referral.not-admitted');
    });

    it('is written by the treating RSJ only, not by the office', () => {
      given(referralDecider, onWard).when(note(office)).thenThrows('referral.not-addressee');
    });
  });

  describe('DischargePatient', () => {
    it('discharges with a recommendation, a medication plan and the next control', () => {
      given(referralDecider, onWard)
        .when(discharge())
        .then([
          {
            type: 'PatientDischarged',
            data: {
              ...ref,
              officeId: office.agencyId,
              dischargedAt: T(20),
              dischargeType: 'medical-advice',
              recommendation: 'panti',
              pantiId: panti.agencyId,
              medicationPlan: 'risperidone 2 mg twice daily',
              nextControlDate: '2025-04-03',
            },
          },
        ]);
    });

    it('sends a relapsed resident back to their placement', () => {
      given(referralDecider, [requested({ returnToPlacementId: placementId }), accepted, admitted])
        .when(discharge())
        .then(([event]) => expect(event?.data).toMatchObject({ returnToPlacementId: placementId }));
    });

    it('does not discharge before admission', () => {
      given(referralDecider, [requested(), accepted]).when(discharge()).thenThrows('referral.not-admitted');
      given(referralDecider, pending).when(discharge()).thenThrows('referral.not-admitted');
    });

    it('does not discharge twice', () => {
      given(referralDecider, [...onWard, discharged])
        .when(discharge())
        .thenThrows('referral.closed');
    });

    it('names the panti when it recommends one, and only then', () => {
      given(referralDecider, onWard)
        .when(discharge({ pantiId: undefined }))
        .thenThrows('referral.panti-required');
      given(referralDecider, onWard)
        .when(discharge({ recommendation: 'family' }))
        .thenThrows('referral.panti-unexpected');
    });

    it('is not dated before the admission', () => {
      given(referralDecider, onWard)
        .when(discharge({ at: T(2) }))
        .thenThrows('referral.before-admission');
    });

    it('does not set the next control before the discharge', () => {
      given(referralDecider, onWard)
        .when(discharge({ nextControlDate: '2025-03-19' }))
        .thenThrows('referral.control-before-discharge');
    });

    it('is for the addressed RSJ only', () => {
      given(referralDecider, onWard)
        .when(discharge({ actor: otherRsj }))
        .thenThrows('referral.not-addressee');
    });
  });

  describe('ReportAbsconding', () => {
    it('records that the patient left the ward', () => {
      given(referralDecider, onWard)
        .when(abscond())
        .then([{ type: 'PatientAbsconded', data: { ...ref, at: T(6), lastSeen: 'garden gate, evening meal' } }]);
    });

    it('is reported only for an admitted patient', () => {
      given(referralDecider, [requested(), accepted]).when(abscond()).thenThrows('referral.not-admitted');
    });

    it('is not dated before the admission', () => {
      given(referralDecider, onWard)
        .when(abscond(rsj, T(2)))
        .thenThrows('referral.before-admission');
    });

    it('is reported by the treating RSJ', () => {
      given(referralDecider, onWard).when(abscond(office)).thenThrows('referral.not-addressee');
    });
  });

  describe('ReportDeath', () => {
    const diedEvent = (reportedBy: string): ReferralEvent => ({
      type: 'PersonDied',
      data: { ...ref, at: T(7), reportedBy, place: 'ward Wijaya Kusuma', certificateReference: 'SKK-2025-77' },
    });

    it('is reported by the RSJ on the ward', () => {
      given(referralDecider, onWard)
        .when(death())
        .then([diedEvent(rsj.agencyId)]);
    });

    it('is reported at any open stage, by the RSJ or the owning office', () => {
      given(referralDecider, pending)
        .when(death(office))
        .then([diedEvent(office.agencyId)]);
      given(referralDecider, [requested(), accepted])
        .when(death())
        .then([diedEvent(rsj.agencyId)]);
      given(referralDecider, [requested(), declined])
        .when(death(office))
        .then([diedEvent(office.agencyId)]);
    });

    it('is not reported by an agency outside the referral', () => {
      given(referralDecider, onWard).when(death(otherRsj)).thenThrows('referral.not-involved');
      given(referralDecider, onWard).when(death(panti)).thenThrows('referral.not-involved');
    });

    it('belongs to where the person is now once the referral is closed', () => {
      given(referralDecider, [...onWard, discharged])
        .when(death())
        .thenThrows('referral.closed');
    });
  });

  describe('terminal states', () => {
    // Each command given by an agency entitled to it, so the refusal is the terminal state's alone.
    const everyCommand: ReferralCommand[] = [
      sendLetter(),
      recordGuarantee({ kind: 'jamkesda' }),
      accept(),
      decline(),
      redirect(),
      withdraw(),
      move(),
      admit(),
      note(),
      discharge(),
      abscond(),
      death(),
      death(office),
    ];

    it.each([
      ['absconding', [...onWard, absconded]],
      ['death', [...onWard, died]],
      ['death before any decision', [requested(), died]],
    ])('refuse every command after %s', (_, history) => {
      for (const command of everyCommand)
        given(referralDecider, history).when(command).thenThrows('referral.terminated');
    });

    it('still answer a repeated request with nothing rather than a new referral', () => {
      given(referralDecider, [...onWard, died])
        .when(request())
        .then([]);
    });
  });
});
