import { eventually, eventuallyExpect } from '@lintas/testing/eventually';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { nikFor, PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * The journeys of issue 10, each driven over HTTP against the four built services running as
 * separate processes on real Kafka and PostgreSQL, each read back from every service at the end.
 */
const infra = useRealInfrastructure();
let lintas: RunningLintas;
let serial = 0;

const identity = (name: string) => {
  serial += 1;
  const birthDate = '1985-03-12';
  return { name, birthDate, nik: nikFor(birthDate, 1000 + serial) };
};

const MAIN_INTAKE = [
  'PickupReported',
  'PersonHandedOverToDinasSosial',
  'IntakeRegistered',
  'PersonIdentified',
  'ConsentRecorded',
  'AssessmentCompleted',
];
const MAIN_HEALTH = ['RsjReferralRequested', 'RsjReferralAccepted', 'PatientAdmitted', 'PatientDischarged'];

beforeAll(async () => {
  lintas = await RunningLintas.start({
    databaseUrl: infra.databaseUrl,
    kafkaBrokers: infra.kafkaBrokers,
    topicPrefix: infra.topics.prefix,
  });
  infra.defer(() => lintas.stop());
  const capacity = await lintas.world
    .rehabilitation('pantiKediri')
    .post(`/pantis/${AGENCIES.pantiKediri.agencyId}/capacity`, { beds: 100 });
  expect(capacity.status).toBe(201);
}, 120_000);
afterEach(() => {
  if (expect.getState().assertionCalls === 0) process.stdout.write(lintas.output());
});

const whereabouts = async (personId: string) =>
  (await lintas.world.intake('dinsosMalang').get(`/persons/${personId}/whereabouts`)).body as { stage: string };

describe('journeys across the four services', () => {
  it('(1) the main path: pickup, RSJ, panti, family, follow-ups and closure', async () => {
    const person = await new PersonJourney(lintas.world).mainPath(identity('Siti Aminah'));
    await eventuallyExpect(
      () => lintas.world.journeys(person.personId),
      (j) => {
        // Intake closes its case when family-reunification closes the reunification.
        expect(j.intake).toEqual([...MAIN_INTAKE, 'CaseClosed']);
        expect(j.healthLiaison).toEqual(MAIN_HEALTH);
        expect(j.rehabilitation).toEqual([
          'PlacementRequested',
          'PlacedInPanti',
          'AtensiPlanAgreed',
          'AtensiServiceDelivered',
          'ProgressReviewed',
          'RehabilitationTerminated',
        ]);
        expect(j.familyReunification).toEqual(
          expect.arrayContaining([
            'FamilyTracingStarted',
            'FamilyTraced',
            'HomeVisitCompleted',
            'ReunificationCompleted',
          ]),
        );
        expect(j.familyReunification.filter((type) => type === 'FollowUpVisitCompleted')).toHaveLength(3);
        expect(j.familyReunification.at(-1)).toBe('CaseClosed');
      },
    );
    await eventually(
      () => whereabouts(person.personId),
      (w) => w.stage === 'closed',
    );
  });

  it('(2) an RSJ declines, the office redirects, a second RSJ accepts', async () => {
    const person = new PersonJourney(lintas.world);
    await person.pickedUp();
    await person.handedOver();
    await person.registered();
    await person.identified(identity('Rahmat'));
    await person.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
    const first = await person.referralArrived();
    await person.rsj('rsjLawang', 'decline', { reason: 'no-bed', note: 'full until next month' });
    const redirected = await person.post('healthLiaison', 'dinsosMalang', `/referrals/${first}/redirect`, {
      toRsjId: AGENCIES.rsjMenur.agencyId,
    });
    person.referralId = redirected.id;
    const pending = await eventually(
      () => lintas.world.healthLiaison('rsjMenur').get('/referrals?status=requested'),
      (r) => (r.body.referrals as { referralId: string }[]).some((p) => p.referralId === redirected.id),
    );
    expect((pending.body.referrals as { referralId: string }[]).map((p) => p.referralId)).toContain(redirected.id);
    const lawangQueue = await lintas.world.healthLiaison('rsjLawang').get('/referrals?status=requested');
    expect((lawangQueue.body.referrals as { referralId: string }[]).map((p) => p.referralId)).not.toContain(first);
    await person.rsj('rsjMenur', 'accept');
    await person.admitted('rsjMenur');
    await eventuallyExpect(
      () => lintas.world.journeys(person.personId),
      (j) => {
        expect(j.healthLiaison).toEqual(
          expect.arrayContaining(['RsjReferralDeclined', 'RsjReferralAccepted', 'PatientAdmitted']),
        );
        expect(j.healthLiaison.indexOf('RsjReferralDeclined')).toBeLessThan(
          j.healthLiaison.indexOf('RsjReferralAccepted'),
        );
      },
    );
  });

  it('(3) discharge straight to the family', async () => {
    const person = new PersonJourney(lintas.world);
    await person.pickedUp();
    await person.handedOver();
    await person.registered();
    await person.identified(identity('Joko'));
    await person.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
    await person.referralArrived();
    await person.rsj('rsjLawang', 'accept');
    await person.admitted('rsjLawang');
    await person.discharged('rsjLawang', { recommendation: 'family', nextControlDate: '2027-01-15' });
    await person.reunifiedAtHome();
    await eventuallyExpect(
      () => lintas.world.journeys(person.personId),
      (j) => {
        expect(j.rehabilitation).toEqual([]);
        expect(j.healthLiaison).toEqual(MAIN_HEALTH);
        expect(j.familyReunification.at(-1)).toBe('CaseClosed');
      },
    );
  });

  it('(4) relapse in the panti: to the RSJ and back to the same placement', async () => {
    const person = new PersonJourney(lintas.world);
    await person.pickedUp();
    await person.handedOver();
    await person.registered();
    await person.identified(identity('Wati'));
    await person.assessed('panti', { pantiId: AGENCIES.pantiKediri.agencyId });
    const placement = await person.placementArrived();
    await person.panti('admit');
    await person.panti('relapse', { rsjId: AGENCIES.rsjLawang.agencyId, signs: 'not sleeping, aggressive' });
    await person.referralArrived();
    await person.rsj('rsjLawang', 'accept');
    await person.admitted('rsjLawang');
    await person.discharged('rsjLawang', { recommendation: 'panti', pantiId: AGENCIES.pantiKediri.agencyId });
    const residents = await eventually(
      () => lintas.world.rehabilitation('pantiKediri').get(`/placements/${placement}`),
      (r) => r.status === 200 && r.body.status === 'resident' && r.body.relapses === 1,
    );
    expect(residents.body.placementId).toBe(placement);
    await person.panti('terminate', { reason: 'ready-to-return' });
    await eventuallyExpect(
      () => lintas.world.journeys(person.personId),
      (j) => {
        expect(j.rehabilitation).toEqual(
          expect.arrayContaining([
            'PlacementRequested',
            'PlacedInPanti',
            'RelapseReported',
            'RehabilitationTerminated',
          ]),
        );
        expect(j.healthLiaison).toEqual(MAIN_HEALTH);
      },
    );
  });

  it('(5) no family found: long-term placement', async () => {
    const person = new PersonJourney(lintas.world);
    await person.pickedUp();
    await person.handedOver();
    await person.registered();
    await person.assessed('home');
    await person.reunificationArrived();
    await person.family('family-not-found', { efforts: 'visited three addresses named, asked RT/RW, posted notice' });
    await person.family('long-term-placement', { pantiId: AGENCIES.pantiKediri.agencyId, reason: 'no-family' });
    await person.placementArrived();
    await person.panti('admit');
    await eventuallyExpect(
      () => lintas.world.journeys(person.personId),
      (j) => {
        expect(j.familyReunification).toEqual(expect.arrayContaining(['FamilyNotFound', 'LongTermPlacementArranged']));
        expect(j.rehabilitation).toEqual(['PlacementRequested', 'PlacedInPanti']);
      },
    );
    await eventually(
      () => whereabouts(person.personId),
      (w) => w.stage === 'in-panti',
    );
  });

  it('(6) the same person picked up again months later is recognised and linked', async () => {
    const who = identity('Sumarni');
    const earlier = await new PersonJourney(lintas.world).mainPath(who);
    const again = new PersonJourney(lintas.world);
    await again.pickedUp('satpolMalang', { name: who.name, nik: who.nik });
    await again.handedOver();
    await again.registered();
    const identified = await again.identified(who);
    expect(identified.duplicateCandidates).toEqual([expect.objectContaining({ personId: earlier.personId })]);
    await again.post('intake', 'dinsosMalang', `/cases/${again.caseId}/link`, { survivorPersonId: earlier.personId });
    await eventuallyExpect(
      () => lintas.world.journeys(earlier.personId),
      (j) => {
        expect(j.intake.filter((type) => type === 'PickupReported')).toHaveLength(2);
        expect(j.intake).toEqual(expect.arrayContaining(['PersonsLinked']));
      },
    );
    const read = await lintas.world.intake('admin').get(`/persons/${again.personId}/journey`);
    expect(read.body.persons).toEqual(expect.arrayContaining([earlier.personId, again.personId]));
  });

  it('(7) absconding from the RSJ, then a new pickup', async () => {
    const who = identity('Darto');
    const first = new PersonJourney(lintas.world);
    await first.pickedUp();
    await first.handedOver();
    await first.registered();
    await first.identified(who);
    await first.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
    await first.referralArrived();
    await first.rsj('rsjLawang', 'accept');
    await first.admitted('rsjLawang');
    await first.rsj('rsjLawang', 'absconding', {
      lastSeen: 'taman belakang bangsal',
      occurredAt: new Date().toISOString(),
    });
    await eventually(
      () => whereabouts(first.personId),
      (w) => w.stage === 'absconded',
    );
    const refused = await lintas.world.healthLiaison('rsjLawang').post(`/referrals/${first.referralId}/discharge`, {
      recommendation: 'family',
      dischargeType: 'medical-advice',
      medicationPlan: 'none',
    });
    expect(refused.status).toBe(409);
    const second = new PersonJourney(lintas.world);
    await second.pickedUp('satpolMalang', { name: who.name, nik: who.nik });
    await second.handedOver();
    await second.registered();
    const identified = await second.identified(who);
    expect(identified.duplicateCandidates).toEqual([expect.objectContaining({ personId: first.personId })]);
    await second.post('intake', 'dinsosMalang', `/cases/${second.caseId}/link`, { survivorPersonId: first.personId });
    await eventuallyExpect(
      () => lintas.world.journeys(first.personId),
      (j) => {
        expect(j.healthLiaison).toEqual([
          'RsjReferralRequested',
          'RsjReferralAccepted',
          'PatientAdmitted',
          'PatientAbsconded',
        ]);
      },
    );
  });

  it('(8) found in one kabupaten, transferred to the Dinas Sosial of the region of origin, which completes the reunification', async () => {
    const person = new PersonJourney(lintas.world);
    await person.pickedUp();
    await person.handedOver();
    await person.registered();
    await person.identified(identity('Yanto'));
    await person.assessed('home');
    await person.reunificationArrived();
    await person.family('family-traced', {
      relation: 'mother',
      contact: '0813-1111-2222',
      regionCode: '3571',
      verifiedBy: 'phone call with kelurahan',
    });
    await person.family('transfer-to-origin', { toOfficeId: AGENCIES.dinsosKediri.agencyId });
    await person.post('intake', 'dinsosMalang', `/cases/${person.caseId}/transfer`, {
      toOfficeId: AGENCIES.dinsosKediri.agencyId,
      reason: 'family lives in Kota Kediri',
    });
    const forbidden = await lintas.world.intake('dinsosMalang').post(`/cases/${person.caseId}/transfer/accept`, {});
    expect(forbidden.status).toBe(403);
    await person.post('intake', 'dinsosKediri', `/cases/${person.caseId}/transfer/accept`, {});
    await eventually(
      () => lintas.world.familyReunification('dinsosKediri').get(`/cases/${person.caseId}/reunification`),
      (r) => r.status === 200 && r.body.officeId === AGENCIES.dinsosKediri.agencyId,
    );
    await person.family('home-visit', { readiness: 'ready' }, 'dinsosKediri');
    await person.completedAndClosed('dinsosKediri');
    await eventuallyExpect(
      () => lintas.world.journeys(person.personId),
      (j) => {
        expect(j.intake).toEqual(expect.arrayContaining(['CaseTransferRequested', 'CaseTransferAccepted']));
        expect(j.familyReunification).toEqual(
          expect.arrayContaining(['TransferredToRegionOfOrigin', 'ReunificationCompleted', 'CaseClosed']),
        );
      },
    );
  });

  it('(9) registered as unknown, identified weeks later: the records merge with both histories kept', async () => {
    const who = identity('Lastri');
    const known = new PersonJourney(lintas.world);
    await known.pickedUp('satpolMalang', { name: who.name, nik: who.nik });
    await known.handedOver();
    await known.registered();
    await known.identified(who);
    const unknown = new PersonJourney(lintas.world);
    await unknown.pickedUp();
    await unknown.handedOver();
    await unknown.registered();
    await unknown.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
    await unknown.referralArrived();
    await unknown.rsj('rsjLawang', 'accept');
    const identified = await unknown.identified(who);
    expect(identified.duplicateCandidates).toEqual([expect.objectContaining({ personId: known.personId })]);
    await unknown.post('intake', 'dinsosMalang', `/cases/${unknown.caseId}/link`, { survivorPersonId: known.personId });
    await eventuallyExpect(
      () => lintas.world.journeys(known.personId),
      (j) => {
        expect(j.intake.filter((t) => t === 'PickupReported')).toHaveLength(2);
        expect(j.healthLiaison).toEqual(['RsjReferralRequested', 'RsjReferralAccepted']);
      },
    );
  });

  it('carries on where it stopped when a service is killed mid-journey and started again', async () => {
    const person = new PersonJourney(lintas.world);
    await person.pickedUp();
    await person.handedOver();
    await person.registered();
    await person.identified(identity('Slamet'));
    // Killed (SIGKILL) while the assessment's hand-over is on its way to it.
    const assessed = person.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
    await lintas.kill('health-liaison');
    await assessed;
    await lintas.start('health-liaison');
    await person.referralArrived();
    await person.rsj('rsjLawang', 'accept');
    await lintas.restart('rehabilitation');
    await person.admitted('rsjLawang');
    await person.discharged('rsjLawang', { recommendation: 'panti', pantiId: AGENCIES.pantiKediri.agencyId });
    await person.placementArrived();
    await person.panti('admit');
    await eventuallyExpect(
      () => lintas.world.journeys(person.personId),
      (j) => {
        expect(j.healthLiaison).toEqual(MAIN_HEALTH);
        expect(j.rehabilitation).toEqual(['PlacementRequested', 'PlacedInPanti']);
      },
    );
  }, 120_000);
});
