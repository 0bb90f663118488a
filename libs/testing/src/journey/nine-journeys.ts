import { eventually, eventuallyExpect } from '../eventually';
import { AGENCIES, type JourneyWorld } from './journey-world';
import { nikFor, PersonJourney } from './person-journey';

/**
 * The nine journeys of issue 10, each driven over HTTP through a JourneyWorld and read back from
 * every service at the end; `journeys.e2e-spec.ts` runs them through a validating proxy in front of
 * each service.
 */
export interface JourneyCase {
  title: string;
  run(world: JourneyWorld): Promise<void>;
}

let serial = 0;

/** A person's identity with a NIK no other journey of this test file uses. */
export function journeyIdentity(name: string): { name: string; birthDate: string; nik: string } {
  serial += 1;
  const birthDate = '1985-03-12';
  return { name, birthDate, nik: nikFor(birthDate, 1000 + serial) };
}

export const MAIN_INTAKE = [
  'PickupReported',
  'PersonHandedOverToDinasSosial',
  'IntakeRegistered',
  'PersonIdentified',
  'ConsentRecorded',
  'AssessmentCompleted',
];
export const MAIN_HEALTH = ['RsjReferralRequested', 'RsjReferralAccepted', 'PatientAdmitted', 'PatientDischarged'];

/** What the journeys need before they start: beds in the panti. */
export async function prepareJourneys(world: JourneyWorld): Promise<void> {
  const capacity = await world
    .rehabilitation('pantiKediri')
    .post(`/pantis/${AGENCIES.pantiKediri.agencyId}/capacity`, { beds: 100 });
  expect(capacity.status).toBe(201);
}

const whereabouts = async (world: JourneyWorld, personId: string) =>
  (await world.intake('dinsosMalang').get(`/persons/${personId}/whereabouts`)).body as { stage: string };

export const NINE_JOURNEYS: JourneyCase[] = [
  {
    title: '(1) the main path: pickup, RSJ, panti, family, follow-ups and closure',
    async run(world) {
      const person = await new PersonJourney(world).mainPath(journeyIdentity('Siti Aminah'));
      await eventuallyExpect(
        () => world.journeys(person.personId),
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
        () => whereabouts(world, person.personId),
        (w) => w.stage === 'closed',
      );
    },
  },
  {
    title: '(2) an RSJ declines, the office redirects, a second RSJ accepts',
    async run(world) {
      const person = new PersonJourney(world);
      await person.pickedUp();
      await person.handedOver();
      await person.registered();
      await person.identified(journeyIdentity('Rahmat'));
      await person.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
      const first = await person.referralArrived();
      await person.rsj('rsjLawang', 'decline', { reason: 'no-bed', note: 'full until next month' });
      const redirected = await person.post('healthLiaison', 'dinsosMalang', `/referrals/${first}/redirect`, {
        toRsjId: AGENCIES.rsjMenur.agencyId,
      });
      person.referralId = redirected.id;
      const pending = await eventually(
        () => world.healthLiaison('rsjMenur').get('/referrals?status=requested'),
        (r) => (r.body.referrals as { referralId: string }[]).some((p) => p.referralId === redirected.id),
      );
      expect((pending.body.referrals as { referralId: string }[]).map((p) => p.referralId)).toContain(redirected.id);
      const lawangQueue = await world.healthLiaison('rsjLawang').get('/referrals?status=requested');
      expect((lawangQueue.body.referrals as { referralId: string }[]).map((p) => p.referralId)).not.toContain(first);
      await person.rsj('rsjMenur', 'accept');
      await person.admitted('rsjMenur');
      await eventuallyExpect(
        () => world.journeys(person.personId),
        (j) => {
          expect(j.healthLiaison).toEqual(
            expect.arrayContaining(['RsjReferralDeclined', 'RsjReferralAccepted', 'PatientAdmitted']),
          );
          expect(j.healthLiaison.indexOf('RsjReferralDeclined')).toBeLessThan(
            j.healthLiaison.indexOf('RsjReferralAccepted'),
          );
        },
      );
    },
  },
  {
    title: '(3) discharge straight to the family',
    async run(world) {
      const person = new PersonJourney(world);
      await person.pickedUp();
      await person.handedOver();
      await person.registered();
      await person.identified(journeyIdentity('Joko'));
      await person.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
      await person.referralArrived();
      await person.rsj('rsjLawang', 'accept');
      await person.admitted('rsjLawang');
      await person.discharged('rsjLawang', { recommendation: 'family', nextControlDate: '2027-01-15' });
      await person.reunifiedAtHome();
      await eventuallyExpect(
        () => world.journeys(person.personId),
        (j) => {
          expect(j.rehabilitation).toEqual([]);
          expect(j.healthLiaison).toEqual(MAIN_HEALTH);
          expect(j.familyReunification.at(-1)).toBe('CaseClosed');
        },
      );
    },
  },
  {
    title: '(4) relapse in the panti: to the RSJ and back to the same placement',
    async run(world) {
      const person = new PersonJourney(world);
      await person.pickedUp();
      await person.handedOver();
      await person.registered();
      await person.identified(journeyIdentity('Wati'));
      await person.assessed('panti', { pantiId: AGENCIES.pantiKediri.agencyId });
      const placement = await person.placementArrived();
      await person.panti('admit');
      await person.panti('relapse', { rsjId: AGENCIES.rsjLawang.agencyId, signs: 'not sleeping, aggressive' });
      await person.referralArrived();
      await person.rsj('rsjLawang', 'accept');
      await person.admitted('rsjLawang');
      await person.discharged('rsjLawang', { recommendation: 'panti', pantiId: AGENCIES.pantiKediri.agencyId });
      const residents = await eventually(
        () => world.rehabilitation('pantiKediri').get(`/placements/${placement}`),
        (r) => r.status === 200 && r.body.status === 'resident' && r.body.relapses === 1,
      );
      expect(residents.body.placementId).toBe(placement);
      await person.panti('terminate', { reason: 'ready-to-return' });
      await eventuallyExpect(
        () => world.journeys(person.personId),
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
    },
  },
  {
    title: '(5) no family found: long-term placement',
    async run(world) {
      const person = new PersonJourney(world);
      await person.pickedUp();
      await person.handedOver();
      await person.registered();
      await person.assessed('home');
      await person.reunificationArrived();
      await person.family('family-not-found', {
        efforts: 'visited three addresses named, asked RT/RW, posted notice',
      });
      await person.family('long-term-placement', { pantiId: AGENCIES.pantiKediri.agencyId, reason: 'no-family' });
      await person.placementArrived();
      await person.panti('admit');
      await eventuallyExpect(
        () => world.journeys(person.personId),
        (j) => {
          expect(j.familyReunification).toEqual(
            expect.arrayContaining(['FamilyNotFound', 'LongTermPlacementArranged']),
          );
          expect(j.rehabilitation).toEqual(['PlacementRequested', 'PlacedInPanti']);
        },
      );
      await eventually(
        () => whereabouts(world, person.personId),
        (w) => w.stage === 'in-panti',
      );
    },
  },
  {
    title: '(6) the same person picked up again months later is recognised and linked',
    async run(world) {
      const who = journeyIdentity('Sumarni');
      const earlier = await new PersonJourney(world).mainPath(who);
      const again = new PersonJourney(world);
      await again.pickedUp('satpolMalang', { name: who.name, nik: who.nik });
      await again.handedOver();
      await again.registered();
      const identified = await again.identified(who);
      expect(identified.duplicateCandidates).toEqual([expect.objectContaining({ personId: earlier.personId })]);
      await again.post('intake', 'dinsosMalang', `/cases/${again.caseId}/link`, {
        survivorPersonId: earlier.personId,
      });
      await eventuallyExpect(
        () => world.journeys(earlier.personId),
        (j) => {
          expect(j.intake.filter((type) => type === 'PickupReported')).toHaveLength(2);
          expect(j.intake).toEqual(expect.arrayContaining(['PersonsLinked']));
        },
      );
      const read = await world.intake('admin').get(`/persons/${again.personId}/journey`);
      expect(read.body.persons).toEqual(expect.arrayContaining([earlier.personId, again.personId]));
    },
  },
  {
    title: '(7) absconding from the RSJ, then a new pickup',
    async run(world) {
      const who = journeyIdentity('Darto');
      const first = new PersonJourney(world);
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
        () => whereabouts(world, first.personId),
        (w) => w.stage === 'absconded',
      );
      const refused = await world.healthLiaison('rsjLawang').post(`/referrals/${first.referralId}/discharge`, {
        recommendation: 'family',
        dischargeType: 'medical-advice',
        medicationPlan: 'none',
      });
      expect(refused.status).toBe(409);
      const second = new PersonJourney(world);
      await second.pickedUp('satpolMalang', { name: who.name, nik: who.nik });
      await second.handedOver();
      await second.registered();
      const identified = await second.identified(who);
      expect(identified.duplicateCandidates).toEqual([expect.objectContaining({ personId: first.personId })]);
      await second.post('intake', 'dinsosMalang', `/cases/${second.caseId}/link`, {
        survivorPersonId: first.personId,
      });
      await eventuallyExpect(
        () => world.journeys(first.personId),
        (j) => {
          expect(j.healthLiaison).toEqual([
            'RsjReferralRequested',
            'RsjReferralAccepted',
            'PatientAdmitted',
            'PatientAbsconded',
          ]);
        },
      );
    },
  },
  {
    title:
      '(8) found in one kabupaten, transferred to the Dinas Sosial of the region of origin, which completes the reunification',
    async run(world) {
      const person = new PersonJourney(world);
      await person.pickedUp();
      await person.handedOver();
      await person.registered();
      await person.identified(journeyIdentity('Yanto'));
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
      const forbidden = await world.intake('dinsosMalang').post(`/cases/${person.caseId}/transfer/accept`, {});
      expect(forbidden.status).toBe(403);
      await person.post('intake', 'dinsosKediri', `/cases/${person.caseId}/transfer/accept`, {});
      await eventually(
        () => world.familyReunification('dinsosKediri').get(`/cases/${person.caseId}/reunification`),
        (r) => r.status === 200 && r.body.officeId === AGENCIES.dinsosKediri.agencyId,
      );
      await person.family('home-visit', { readiness: 'ready' }, 'dinsosKediri');
      await person.completedAndClosed('dinsosKediri');
      await eventuallyExpect(
        () => world.journeys(person.personId),
        (j) => {
          expect(j.intake).toEqual(expect.arrayContaining(['CaseTransferRequested', 'CaseTransferAccepted']));
          expect(j.familyReunification).toEqual(
            expect.arrayContaining(['TransferredToRegionOfOrigin', 'ReunificationCompleted', 'CaseClosed']),
          );
        },
      );
    },
  },
  {
    title: '(9) registered as unknown, identified weeks later: the records merge with both histories kept',
    async run(world) {
      const who = journeyIdentity('Lastri');
      const known = new PersonJourney(world);
      await known.pickedUp('satpolMalang', { name: who.name, nik: who.nik });
      await known.handedOver();
      await known.registered();
      await known.identified(who);
      const unknown = new PersonJourney(world);
      await unknown.pickedUp();
      await unknown.handedOver();
      await unknown.registered();
      await unknown.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
      await unknown.referralArrived();
      await unknown.rsj('rsjLawang', 'accept');
      const identified = await unknown.identified(who);
      expect(identified.duplicateCandidates).toEqual([expect.objectContaining({ personId: known.personId })]);
      await unknown.post('intake', 'dinsosMalang', `/cases/${unknown.caseId}/link`, {
        survivorPersonId: known.personId,
      });
      await eventuallyExpect(
        () => world.journeys(known.personId),
        (j) => {
          expect(j.intake.filter((t) => t === 'PickupReported')).toHaveLength(2);
          expect(j.healthLiaison).toEqual(['RsjReferralRequested', 'RsjReferralAccepted']);
        },
      );
    },
  },
];
