import { given } from '@lintas/testing/decider-spec';
import { auditor, dinsosJatim, dinsosKediri, dinsosMalang, satpolMalang } from '../testing/actors';
import {
  type CompleteAssessment,
  type IdentifyPerson,
  type PersonIdentity,
  type RecordConsent,
  type RegisterIntake,
} from './case.commands';
import {
  AT,
  caseDecider,
  caseId,
  command,
  closed,
  consented,
  died,
  identified,
  NIK,
  personId,
  pickupId,
  registered,
} from './case.fixtures';

const register = (rest: Partial<RegisterIntake> = {}) =>
  command<RegisterIntake>('RegisterIntake', {
    personId,
    caseSequence: 42,
    categories: ['gelandangan-psikotik'],
    pickup: { pickupId, personId, officeId: 'dinsos-3507', regionCode: '3507' },
    descriptors: { sex: 'male', namesMentioned: ['Kirun'] },
    at: '2025-03-04T12:00:00+07:00',
    ...rest,
  });

const identify = (identity: Partial<PersonIdentity> = {}, rest: Partial<IdentifyPerson> = {}) =>
  command<IdentifyPerson>('IdentifyPerson', {
    identity: {
      nik: NIK,
      name: 'Sukirun',
      aliases: ['Mbah Kirun'],
      birthDate: '1985-08-17',
      sex: 'male',
      source: 'family',
      confidence: 'probable',
      ...identity,
    },
    ...rest,
  });

const consent = (rest: Partial<RecordConsent> = {}) =>
  command<RecordConsent>('RecordConsent', {
    purpose: 'case-management',
    basis: { kind: 'consent', givenBy: 'person' },
    ...rest,
  });

const assess = (rest: Partial<CompleteAssessment> = {}) =>
  command<CompleteAssessment>('CompleteAssessment', {
    assessorRef: 'peksos-17',
    decision: 'rsj',
    rsjId: 'rsj-lawang',
    needs: ['psychiatric care'],
    riskToSelf: 'high',
    riskToOthers: 'low',
    ...rest,
  });

describe('case: intake registration', () => {
  it('opens a case with a case number of the office, the year and the sequence', () => {
    given(caseDecider).when(register()).then([registered]);
  });

  it('opens a case for a person brought to the office without a pickup, found in its own region', () => {
    given(caseDecider)
      .when(register({ pickup: undefined, descriptors: undefined, categories: ['orang-terlantar', 'orang-terlantar'] }))
      .then(([event]) =>
        expect(event?.data).toMatchObject({
          pickupId: null,
          foundRegionCode: '3507',
          descriptors: null,
          categories: ['orang-terlantar'],
        }),
      );
  });

  it('numbers the case in the year the registration time is written in', () => {
    given(caseDecider)
      .when(register({ at: '2026-01-01T00:05:00+07:00', caseSequence: 1 }))
      .then(([event]) => expect(event?.data).toMatchObject({ caseNumber: '3507-2026-00001' }));
  });

  it('registers a case only once', () => {
    given(caseDecider, [registered]).when(register()).thenThrows('case.already-registered');
  });

  it.each([satpolMalang, dinsosJatim, auditor])(
    'is opened only by a kabupaten/kota Dinas Sosial, not a $kind',
    (actor) => {
      expect(given(caseDecider).when(register({ actor })).thenThrows('case.not-dinas-sosial').kind).toBe('forbidden');
    },
  );

  it('needs the office’s own kabupaten/kota code for the case number', () => {
    given(caseDecider)
      .when(register({ actor: { ...dinsosMalang, regionCode: '35' } }))
      .thenThrows('case.office-without-region');
  });

  it.each([0, -1, 100_000, 1.5])('refuses case sequence %p', (caseSequence) => {
    given(caseDecider).when(register({ caseSequence })).thenThrows('case.invalid-sequence');
  });

  it('refuses an empty PPKS category', () => {
    given(caseDecider)
      .when(register({ categories: [' '] }))
      .thenThrows('case.invalid-category');
  });

  it('opens a case only for a pickup handed over to this office', () => {
    const error = given(caseDecider)
      .when(
        register({ actor: dinsosKediri, pickup: { pickupId, personId, officeId: 'dinsos-3507', regionCode: '3507' } }),
      )
      .thenThrows('case.pickup-of-another-office');
    expect(error.kind).toBe('not-a-party');
  });

  it('opens the case for the person of the pickup', () => {
    given(caseDecider)
      .when(register({ personId: '11111111-2222-4333-8444-555555555555' }))
      .thenThrows('case.person-not-of-pickup');
  });

  it('needs an instant for the registration', () => {
    given(caseDecider)
      .when(register({ at: '2025-03-04' }))
      .thenThrows('case.invalid-time');
  });
});

describe('case: identification', () => {
  it('records the identity with no flags when the NIK agrees with everything', () => {
    given(caseDecider, [registered]).when(identify()).then([identified]);
  });

  it('flags a NIK that does not fit, and records it all the same', () => {
    given(caseDecider, [registered])
      .when(identify({ nik: '3507 0157 0885 0000', birthDate: '1985-08-18' }))
      .then(([event]) =>
        expect(event?.data).toMatchObject({
          nik: '3507015708850000',
          flags: ['nik.sex-mismatch', 'nik.birth-date-mismatch', 'nik.invalid-serial'],
        }),
      );
  });

  it('records a NIK that is not even 16 digits, flagged', () => {
    given(caseDecider, [registered])
      .when(identify({ nik: '35070117' }))
      .then(([event]) => expect(event?.data).toMatchObject({ nik: '35070117', flags: ['nik.not-16-digits'] }));
  });

  it('flags a KK that is not 16 digits', () => {
    given(caseDecider, [registered])
      .when(identify({ kk: '3507 0112 3456 789' }))
      .then(([event]) => expect(event?.data).toMatchObject({ kk: '350701123456789', flags: ['kk.not-16-digits'] }));
  });

  it('identifies a person without NIK from what the family says, with the birth year only', () => {
    given(caseDecider, [registered])
      .when(identify({ nik: undefined, birthDate: undefined, birthYear: 1985, originRegionCode: '3571010001' }))
      .then(([event]) =>
        expect(event?.data).toMatchObject({
          nik: null,
          birthDate: null,
          birthYear: 1985,
          originRegionCode: '3571',
          flags: [],
        }),
      );
  });

  it('takes the region of origin from the NIK when none is given and the region is known', () => {
    given(caseDecider, [registered])
      .when(identify({ nik: '3571011708850001' }))
      .then(([event]) => expect(event?.data).toMatchObject({ originRegionCode: '3571' }));
    given(caseDecider, [registered])
      .when(identify({ nik: '9999011708850001' }))
      .then(([event]) => expect(event?.data).toMatchObject({ originRegionCode: null, flags: ['nik.unknown-region'] }));
  });

  it('prefers the region of origin given over the NIK’s region of registration', () => {
    given(caseDecider, [registered])
      .when(identify({ originRegionCode: '3578' }))
      .then(([event]) => expect(event?.data).toMatchObject({ originRegionCode: '3578' }));
  });

  it('may identify again, later or to correct: each identification is a fact', () => {
    given(caseDecider, [registered, identified])
      .when(identify({ name: 'Sukirun bin Kasan', source: 'dukcapil', confidence: 'confirmed' }))
      .then(([event]) => expect(event?.data).toMatchObject({ name: 'Sukirun bin Kasan', confidence: 'confirmed' }));
  });

  it('needs a name', () => {
    given(caseDecider, [registered])
      .when(identify({ name: '  ' }))
      .thenThrows('identity.name-required');
  });

  it.each(['1985-02-30', '17-08-1985', '1985-8-17'])('refuses birth date %p', (birthDate) => {
    given(caseDecider, [registered]).when(identify({ birthDate })).thenThrows('identity.invalid-birth-date');
  });

  it('refuses a birth year that contradicts the birth date', () => {
    given(caseDecider, [registered])
      .when(identify({ birthYear: 1986 }))
      .thenThrows('identity.birth-year-mismatch');
  });

  it.each([1899, 2026, 1985.5])('refuses birth year %p', (birthYear) => {
    given(caseDecider, [registered])
      .when(identify({ birthDate: undefined, birthYear }))
      .thenThrows('identity.invalid-birth-year');
  });

  it.each(['35', '35.07', '35071'])('refuses origin region %p', (originRegionCode) => {
    given(caseDecider, [registered]).when(identify({ originRegionCode })).thenThrows('identity.invalid-origin-region');
  });

  it('is for the owning office only', () => {
    expect(
      given(caseDecider, [registered])
        .when(identify({}, { actor: dinsosKediri }))
        .thenThrows('case.not-owner').kind,
    ).toBe('not-a-party');
  });

  it('needs a registered case', () => {
    expect(given(caseDecider).when(identify()).thenThrows('case.not-found').kind).toBe('not-found');
  });

  it('is not done on a closed case', () => {
    given(caseDecider, [registered, closed]).when(identify()).thenThrows('case.closed');
  });

  it('may identify a person who has died, for the family', () => {
    given(caseDecider, [registered, died]).when(identify()).then([identified]);
  });
});

describe('case: consent or legal basis', () => {
  it('records consent given by the person', () => {
    given(caseDecider, [registered])
      .when(consent())
      .then([{ ...consented, data: { ...consented.data, basis: { kind: 'consent', givenBy: 'person' } } }]);
  });

  it('records consent given by a guardian, with a note on capacity', () => {
    given(caseDecider, [registered])
      .when(
        consent({
          purpose: 'family-tracing',
          basis: { kind: 'consent', givenBy: 'guardian', guardian: { name: 'Kasan', relation: 'father' } },
          capacityNote: 'cannot understand the purpose now',
        }),
      )
      .then(([event]) =>
        expect(event?.data).toMatchObject({
          purpose: 'family-tracing',
          capacityNote: 'cannot understand the purpose now',
        }),
      );
  });

  it('records a legal basis when consent is impossible', () => {
    given(caseDecider, [registered])
      .when(consent({ basis: consented.data.basis }))
      .then([consented]);
  });

  it('needs a purpose', () => {
    given(caseDecider, [registered])
      .when(consent({ purpose: '' }))
      .thenThrows('consent.purpose-required');
  });

  it('needs the guardian and their relation', () => {
    given(caseDecider, [registered])
      .when(consent({ basis: { kind: 'consent', givenBy: 'guardian', guardian: { name: 'Kasan', relation: '' } } }))
      .thenThrows('consent.guardian-required');
  });

  it('needs the legal reference of a legal basis', () => {
    given(caseDecider, [registered])
      .when(consent({ basis: { kind: 'legal-basis', reference: ' ' } }))
      .thenThrows('consent.legal-reference-required');
  });

  it('takes a legal basis with its reference only, as an office system may send it', () => {
    given(caseDecider, [registered])
      .when(consent({ basis: { kind: 'legal-basis', reference: 'public-service task (UU PDP Pasal 20)' } }))
      .then(([event]) => expect(event?.data).toMatchObject({ basis: { kind: 'legal-basis' } }));
  });

  it('is for the owning office of an open case of a living person', () => {
    given(caseDecider, [registered])
      .when(consent({ actor: dinsosKediri }))
      .thenThrows('case.not-owner');
    given(caseDecider, [registered, closed]).when(consent()).thenThrows('case.closed');
    given(caseDecider, [registered, died]).when(consent()).thenThrows('case.person-deceased');
  });
});

describe('case: assessment', () => {
  it('records the decision to refer to a named RSJ', () => {
    given(caseDecider, [registered, consented])
      .when(assess())
      .then([
        {
          type: 'AssessmentCompleted',
          data: {
            caseId,
            personId,
            officeId: 'dinsos-3507',
            assessorRef: 'peksos-17',
            assessedAt: AT,
            decision: 'rsj',
            rsjId: 'rsj-lawang',
            pantiId: null,
            needs: ['psychiatric care'],
            riskToSelf: 'high',
            riskToOthers: 'low',
            notes: null,
          },
        },
      ]);
  });

  it('records a panti placement with the panti, and a return home or community care with neither', () => {
    given(caseDecider, [registered, consented])
      .when(assess({ decision: 'panti', rsjId: undefined, pantiId: 'panti-bina-laras-kediri' }))
      .then(([event]) =>
        expect(event?.data).toMatchObject({ decision: 'panti', pantiId: 'panti-bina-laras-kediri', rsjId: null }),
      );
    for (const decision of ['home', 'community'] as const) {
      given(caseDecider, [registered, consented])
        .when(assess({ decision, rsjId: undefined, notes: 'family known in Blitar' }))
        .then(([event]) => expect(event?.data).toMatchObject({ decision, notes: 'family known in Blitar' }));
    }
  });

  it('may assess again', () => {
    const first = given(caseDecider, [registered, consented])
      .when(assess())
      .then(() => undefined);
    given(caseDecider, [registered, consented, ...first])
      .when(assess({ decision: 'home', rsjId: undefined }))
      .then(([event]) => expect(event?.data).toMatchObject({ decision: 'home' }));
  });

  it('needs the RSJ for an RSJ decision and the panti for a panti decision', () => {
    given(caseDecider, [registered, consented])
      .when(assess({ rsjId: undefined }))
      .thenThrows('assessment.rsj-required');
    given(caseDecider, [registered, consented])
      .when(assess({ decision: 'panti', rsjId: undefined }))
      .thenThrows('assessment.panti-required');
  });

  it('refuses an RSJ or a panti that does not go with the decision', () => {
    given(caseDecider, [registered, consented])
      .when(assess({ decision: 'home' }))
      .thenThrows('assessment.target-mismatch');
    given(caseDecider, [registered, consented])
      .when(assess({ decision: 'rsj', pantiId: 'panti-bina-laras-kediri' }))
      .thenThrows('assessment.target-mismatch');
  });

  it('needs the assessor', () => {
    given(caseDecider, [registered, consented])
      .when(assess({ assessorRef: '' }))
      .thenThrows('assessment.assessor-required');
  });

  it('assesses an unidentified person, with needs and risks left open', () => {
    given(caseDecider, [registered])
      .when(
        assess({
          decision: 'home',
          rsjId: undefined,
          needs: undefined,
          riskToSelf: undefined,
          riskToOthers: undefined,
        }),
      )
      .then(([event]) => expect(event?.data).toMatchObject({ needs: [], riskToSelf: null, riskToOthers: null }));
  });

  it('is for the owning office of an open case of a living person', () => {
    given(caseDecider, [registered, consented])
      .when(assess({ actor: dinsosKediri }))
      .thenThrows('case.not-owner');
    given(caseDecider, [registered, consented, closed]).when(assess()).thenThrows('case.closed');
    given(caseDecider, [registered, consented, died]).when(assess()).thenThrows('case.person-deceased');
  });
});
