import { given } from '@lintas/testing/decider-spec';
import {
  ADMITTED_AT,
  LATER,
  office,
  OFFICE_ID,
  otherOffice,
  otherPanti,
  panti,
  placement,
  PLACEMENT_ID,
  resident,
  residentWithPlan,
  rsj,
  RSJ_ID,
  satpolPp,
  admin,
} from '../testing/rehabilitation.fixtures';
import type {
  AgreeAtensiPlan,
  RecordAtensiService,
  RecordProgressReview,
  ReportRelapse,
  ReturnResidentFromRsj,
  TransferPlacementOwnership,
} from './placement.commands';
import { placementDecider } from './placement.decider';
import type { PlacementEvent } from './placement.events';

const base = { placementId: PLACEMENT_ID, actor: panti, at: LATER };

const agreePlan = (overrides: Partial<AgreeAtensiPlan> = {}): AgreeAtensiPlan => ({
  ...base,
  type: 'AgreeAtensiPlan',
  catalogueVersion: '2021',
  goals: ['takes medication without prompting', 'cooks a simple meal'],
  plannedServices: [
    { serviceType: 'therapy', subtype: 'psychosocial' },
    { serviceType: 'decent-living-support', subtype: 'legal-identity' },
    { serviceType: 'family-support', subtype: null },
  ],
  setting: 'residential',
  familyInvolved: true,
  familyInvolvementNote: 'sister visits monthly',
  reviewDates: ['2025-05-01', '2025-07-01'],
  ...overrides,
});

const recordService = (overrides: Partial<RecordAtensiService> = {}): RecordAtensiService => ({
  ...base,
  type: 'RecordAtensiService',
  serviceType: 'therapy',
  subtype: 'psychosocial',
  deliveredOn: '2025-04-01',
  deliveredBy: 'peksos-17',
  durationMinutes: 60,
  notes: 'group session, participated',
  ...overrides,
});

const recordReview = (overrides: Partial<RecordProgressReview> = {}): RecordProgressReview => ({
  ...base,
  type: 'RecordProgressReview',
  instrumentVersion: 'lintas-1',
  reviewedOn: '2025-04-01',
  reviewedBy: 'peksos-17',
  scores: [
    { domain: 'self-care', score: 4 },
    { domain: 'social-relations', score: 3 },
  ],
  summary: 'steady progress',
  nextReviewOn: '2025-05-01',
  ...overrides,
});

const reportRelapse = (overrides: Partial<ReportRelapse> = {}): ReportRelapse => ({
  ...base,
  type: 'ReportRelapse',
  rsjId: RSJ_ID,
  reportedBy: 'panti',
  signsObserved: 'not sleeping',
  ...overrides,
});

const returnResidentFromRsj = (overrides: Partial<ReturnResidentFromRsj> = {}): ReturnResidentFromRsj => ({
  ...base,
  type: 'ReturnResidentFromRsj',
  actor: rsj,
  rsjId: 'rsj-menur',
  referralId: 'e7f6a5b4-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
  ...overrides,
});

const transfer = (overrides: Partial<TransferPlacementOwnership> = {}): TransferPlacementOwnership => ({
  ...base,
  type: 'TransferPlacementOwnership',
  actor: otherOffice,
  toOfficeId: otherOffice.agencyId,
  ...overrides,
});

const inRsj = (): PlacementEvent[] => [...residentWithPlan(), placement.relapsed()];

describe('placement', () => {
  describe('every command', () => {
    it('needs a requested placement', () => {
      given(placementDecider).when(agreePlan()).thenThrows('placement.not-found');
      given(placementDecider).when(returnResidentFromRsj()).thenThrows('placement.not-found');
    });
  });

  describe('agreeing an ATENSI plan', () => {
    it('records the plan with the catalogue version it names', () => {
      given(placementDecider, resident())
        .when(agreePlan())
        .then(([event]) => {
          expect(event).toEqual({
            type: 'AtensiPlanAgreed',
            data: expect.objectContaining({ placementId: PLACEMENT_ID, planVersion: 1, catalogueVersion: '2021' }),
          });
        });
    });

    it('numbers a revised plan', () => {
      given(placementDecider, residentWithPlan())
        .when(agreePlan())
        .then(([event]) => {
          expect(event.data).toEqual(expect.objectContaining({ planVersion: 2 }));
        });
    });

    it('is done by the panti the resident lives in', () => {
      given(placementDecider, resident())
        .when(agreePlan({ actor: otherPanti }))
        .thenThrows('placement.not-addressed-panti');
      given(placementDecider, resident())
        .when(agreePlan({ actor: office }))
        .thenThrows('placement.not-addressed-panti');
    });

    it('needs a resident', () => {
      given(placementDecider, [placement.requested()]).when(agreePlan()).thenThrows('placement.not-resident');
      given(placementDecider, [placement.requested(), placement.waitlisted(1)])
        .when(agreePlan())
        .thenThrows('placement.not-resident');
      given(placementDecider, inRsj()).when(agreePlan()).thenThrows('placement.not-resident');
    });

    it('names a known catalogue, known services and subtypes', () => {
      given(placementDecider, resident())
        .when(agreePlan({ catalogueVersion: '2020' }))
        .thenThrows('atensi.unknown-catalogue');
      given(placementDecider, resident())
        .when(agreePlan({ plannedServices: [{ serviceType: 'karaoke', subtype: null }] }))
        .thenThrows('atensi.unknown-service-type');
      given(placementDecider, resident())
        .when(agreePlan({ plannedServices: [{ serviceType: 'therapy', subtype: 'legal-identity' }] }))
        .thenThrows('atensi.unknown-subtype');
    });

    it('states goals, services and review dates', () => {
      given(placementDecider, resident())
        .when(agreePlan({ goals: ['  '] }))
        .thenThrows('atensi.no-goals');
      given(placementDecider, resident())
        .when(agreePlan({ plannedServices: [] }))
        .thenThrows('atensi.no-planned-services');
      given(placementDecider, resident())
        .when(agreePlan({ reviewDates: [] }))
        .thenThrows('atensi.no-review-date');
    });

    it('sets no review date before the day it is agreed', () => {
      given(placementDecider, resident())
        .when(agreePlan({ reviewDates: ['2025-03-31', '2025-05-01'] }))
        .thenThrows('atensi.review-date-in-past');
    });
  });

  describe('recording an ATENSI service', () => {
    it('records what was delivered under the plan’s catalogue', () => {
      given(placementDecider, residentWithPlan())
        .when(recordService())
        .then([
          {
            type: 'AtensiServiceDelivered',
            data: {
              placementId: PLACEMENT_ID,
              catalogueVersion: '2021',
              serviceType: 'therapy',
              subtype: 'psychosocial',
              deliveredOn: '2025-04-01',
              deliveredBy: 'peksos-17',
              durationMinutes: 60,
              notes: 'group session, participated',
              at: LATER,
            },
          },
        ]);
    });

    it('accepts a service outside the plan: needs change between reviews', () => {
      given(placementDecider, residentWithPlan())
        .when(recordService({ serviceType: 'decent-living-support', subtype: 'health-insurance' }))
        .then((events) => expect(events).toHaveLength(1));
    });

    it('needs an agreed plan first', () => {
      given(placementDecider, resident()).when(recordService()).thenThrows('atensi.no-plan');
    });

    it('needs a resident, not one in the RSJ or gone', () => {
      given(placementDecider, inRsj()).when(recordService()).thenThrows('placement.not-resident');
      given(placementDecider, [...residentWithPlan(), placement.terminated()])
        .when(recordService())
        .thenThrows('placement.not-resident');
    });

    it('is recorded by the panti', () => {
      given(placementDecider, residentWithPlan())
        .when(recordService({ actor: office }))
        .thenThrows('placement.not-addressed-panti');
    });

    it('names a known service type and subtype', () => {
      given(placementDecider, residentWithPlan())
        .when(recordService({ serviceType: 'therapy', subtype: 'food' }))
        .thenThrows('atensi.unknown-subtype');
    });

    it('may leave the duration unrecorded', () => {
      given(placementDecider, residentWithPlan())
        .when(recordService({ durationMinutes: null }))
        .then((events) => expect(events).toHaveLength(1));
    });

    it.each([0, -30, 1.5, 24 * 60 + 1])('refuses a duration of %p minutes', (durationMinutes) => {
      given(placementDecider, residentWithPlan())
        .when(recordService({ durationMinutes }))
        .thenThrows('atensi.invalid-duration');
    });

    it('may be dated on the day of admission, not before', () => {
      given(placementDecider, residentWithPlan())
        .when(recordService({ deliveredOn: ADMITTED_AT.slice(0, 10) }))
        .then((events) => expect(events).toHaveLength(1));
      given(placementDecider, residentWithPlan())
        .when(recordService({ deliveredOn: '2025-03-01' }))
        .thenThrows('atensi.service-before-admission');
    });
  });

  describe('a progress review', () => {
    it('records the scores per functioning domain', () => {
      given(placementDecider, residentWithPlan())
        .when(recordReview())
        .then(([event]) => {
          expect(event).toEqual({
            type: 'ProgressReviewed',
            data: expect.objectContaining({ instrumentVersion: 'lintas-1', nextReviewOn: '2025-05-01' }),
          });
        });
    });

    it('needs an agreed plan', () => {
      given(placementDecider, resident()).when(recordReview()).thenThrows('atensi.no-plan');
    });

    it('keeps domains the instrument does not list: a panti may use its own', () => {
      given(placementDecider, residentWithPlan())
        .when(recordReview({ scores: [{ domain: 'selfCare', score: 3 }] }))
        .then((events) => expect(events).toHaveLength(1));
    });

    it('scores each domain once, within the scale', () => {
      const scored = (scores: { domain: string; score: number }[]) =>
        given(placementDecider, residentWithPlan()).when(recordReview({ scores }));
      scored([]).thenThrows('atensi.no-scores');
      scored([{ domain: 'self-care', score: 6 }]).thenThrows('atensi.score-out-of-range');
      scored([{ domain: 'self-care', score: 0 }]).thenThrows('atensi.score-out-of-range');
      scored([
        { domain: 'self-care', score: 3 },
        { domain: 'self-care', score: 4 },
      ]).thenThrows('atensi.domain-scored-twice');
    });

    it('uses a known instrument', () => {
      given(placementDecider, residentWithPlan())
        .when(recordReview({ instrumentVersion: 'gaf' }))
        .thenThrows('atensi.unknown-instrument');
    });

    it('sets the next review after this one', () => {
      given(placementDecider, residentWithPlan())
        .when(recordReview({ nextReviewOn: '2025-04-01' }))
        .thenThrows('atensi.next-review-not-later');
    });
  });

  describe('a relapse (kambuh)', () => {
    it('sends the resident to the RSJ named, holding the placement', () => {
      given(placementDecider, residentWithPlan()).when(reportRelapse()).then([placement.relapsed()]);
    });

    it('may be reported by the owning office, for the family or a puskesmas', () => {
      given(placementDecider, resident())
        .when(reportRelapse({ actor: office, reportedBy: 'family' }))
        .then(([event]) => expect(event.data).toEqual(expect.objectContaining({ reportedBy: 'family' })));
    });

    it('is not reported by another agency', () => {
      given(placementDecider, resident())
        .when(reportRelapse({ actor: rsj }))
        .thenThrows('placement.not-panti-or-office');
      given(placementDecider, resident())
        .when(reportRelapse({ actor: otherOffice }))
        .thenThrows('placement.not-panti-or-office');
    });

    it('is only for a resident', () => {
      given(placementDecider, [placement.requested()]).when(reportRelapse()).thenThrows('placement.not-resident');
      given(placementDecider, inRsj()).when(reportRelapse()).thenThrows('placement.not-resident');
      given(placementDecider, [...resident(), placement.terminated()])
        .when(reportRelapse())
        .thenThrows('placement.not-resident');
    });
  });

  describe('the return from the RSJ', () => {
    it('returns the resident to the same placement, even from another RSJ after a re-referral', () => {
      given(placementDecider, inRsj())
        .when(returnResidentFromRsj())
        .then([
          {
            type: 'ResidentReturnedFromRsj',
            data: {
              placementId: PLACEMENT_ID,
              rsjId: 'rsj-menur',
              referralId: 'e7f6a5b4-1c2d-4e3f-8a9b-0c1d2e3f4a5b',
              at: LATER,
            },
          },
        ]);
    });

    it('lets services go on under the same plan', () => {
      const returned: PlacementEvent = {
        type: 'ResidentReturnedFromRsj',
        data: { placementId: PLACEMENT_ID, rsjId: RSJ_ID, referralId: null, at: LATER },
      };
      given(placementDecider, [...inRsj(), returned])
        .when(recordService())
        .then((events) => expect(events).toHaveLength(1));
    });

    it('may be recorded by the panti or the owning office', () => {
      given(placementDecider, inRsj())
        .when(returnResidentFromRsj({ actor: panti }))
        .then((events) => expect(events).toHaveLength(1));
      given(placementDecider, inRsj())
        .when(returnResidentFromRsj({ actor: office }))
        .then((events) => expect(events).toHaveLength(1));
    });

    it('is not recorded by others', () => {
      given(placementDecider, inRsj())
        .when(returnResidentFromRsj({ actor: satpolPp }))
        .thenThrows('placement.not-panti-office-or-rsj');
    });

    it('needs a resident in the RSJ; an RSJ without them is no party of the placement', () => {
      expect(
        given(placementDecider, resident())
          .when(returnResidentFromRsj())
          .thenThrows('placement.not-panti-office-or-rsj').kind,
      ).toBe('not-a-party');
      given(placementDecider, resident())
        .when(returnResidentFromRsj({ actor: panti }))
        .thenThrows('placement.not-in-rsj');
      given(placementDecider, [...inRsj(), placement.terminated()])
        .when(returnResidentFromRsj({ actor: panti }))
        .thenThrows('placement.not-in-rsj');
    });
  });

  describe('absconding (kabur)', () => {
    it('is reported for a resident; the bed stays held', () => {
      given(placementDecider, resident())
        .when({ ...base, type: 'ReportAbsconding', lastSeen: 'main gate, evening' })
        .then([placement.absconded()]);
    });

    it('is only for a resident', () => {
      given(placementDecider, [...resident(), placement.absconded()])
        .when({ ...base, type: 'ReportAbsconding', lastSeen: null })
        .thenThrows('placement.not-resident');
    });

    it('ends when the resident is brought back', () => {
      given(placementDecider, [...resident(), placement.absconded()])
        .when({ ...base, type: 'ReturnAbscondedResident' })
        .then([{ type: 'AbscondedResidentReturned', data: { placementId: PLACEMENT_ID, at: LATER } }]);
      given(placementDecider, resident())
        .when({ ...base, type: 'ReturnAbscondedResident' })
        .thenThrows('placement.not-absconded');
    });
  });

  describe('a change of owning office', () => {
    it('is recorded by the office taking the case over', () => {
      given(placementDecider, resident())
        .when(transfer())
        .then([
          {
            type: 'PlacementOwnershipTransferred',
            data: { placementId: PLACEMENT_ID, fromOfficeId: OFFICE_ID, toOfficeId: otherOffice.agencyId, at: LATER },
          },
        ]);
    });

    it('or an admin', () => {
      given(placementDecider, resident())
        .when(transfer({ actor: admin }))
        .then((events) => expect(events).toHaveLength(1));
    });

    it('gives the new office the owner’s rights', () => {
      const moved: PlacementEvent = {
        type: 'PlacementOwnershipTransferred',
        data: { placementId: PLACEMENT_ID, fromOfficeId: OFFICE_ID, toOfficeId: otherOffice.agencyId, at: LATER },
      };
      given(placementDecider, [...resident(), moved])
        .when(reportRelapse({ actor: otherOffice }))
        .then((events) => expect(events).toHaveLength(1));
      given(placementDecider, [...resident(), moved])
        .when(reportRelapse({ actor: office }))
        .thenThrows('placement.not-panti-or-office');
    });

    it('is not recorded by the office giving it away', () => {
      given(placementDecider, resident())
        .when(transfer({ actor: office }))
        .thenThrows('placement.not-receiving-office');
    });

    it('records nothing when the office already owns it', () => {
      given(placementDecider, resident())
        .when(transfer({ actor: office, toOfficeId: OFFICE_ID }))
        .then([]);
    });

    it('is not recorded on a closed placement', () => {
      given(placementDecider, [...resident(), placement.terminated()])
        .when(transfer())
        .thenThrows('placement.closed');
    });
  });
});
