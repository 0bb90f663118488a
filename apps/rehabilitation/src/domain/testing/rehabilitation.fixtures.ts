import type { Actor } from '../actor';
import type { PantiEvent } from '../panti/panti.events';
import type { PlacementEvent, PlacementRequested } from '../placement/placement.events';

/** Example data for the deciders' specs: one line per fact, overriding only what a test is about. */
export const PANTI_ID = 'panti-bina-laras-kediri';
export const OFFICE_ID = 'dinsos-3571';
export const RSJ_ID = 'rsj-lawang';
export const PLACEMENT_ID = '0b8c6a43-4a43-4d8e-9f57-5d1d7f6a0a01';
export const CASE_ID = '5c0e7d0b-3f4e-4a3b-8b7e-2a9d6c1f0b02';
export const PERSON_ID = '9a1f2e3d-4c5b-4a69-8e7f-1d2c3b4a5f03';

export const AT = '2025-03-01T03:00:00.000Z';
export const ADMITTED_AT = '2025-03-02T02:00:00.000Z';
export const LATER = '2025-04-01T03:00:00.000Z';

export const office: Actor = { agencyId: OFFICE_ID, kind: 'dinas-sosial', regionCode: '3571' };
export const otherOffice: Actor = { agencyId: 'dinsos-3506', kind: 'dinas-sosial', regionCode: '3506' };
export const panti: Actor = { agencyId: PANTI_ID, kind: 'panti', regionCode: '3571' };
export const otherPanti: Actor = { agencyId: 'panti-pasuruan', kind: 'panti', regionCode: '3514' };
export const rsj: Actor = { agencyId: RSJ_ID, kind: 'rsj', regionCode: '3507' };
export const satpolPp: Actor = { agencyId: 'satpol-pp-3571', kind: 'satpol-pp', regionCode: '3571' };
export const admin: Actor = { agencyId: 'admin-lintas', kind: 'admin', regionCode: '35' };

/** The ids every published placement event carries. */
export const REF = { placementId: PLACEMENT_ID, caseId: CASE_ID, personId: PERSON_ID, pantiId: PANTI_ID };

export const placement = {
  requested: (data: Partial<PlacementRequested> = {}): PlacementEvent => ({
    type: 'PlacementRequested',
    data: {
      placementId: PLACEMENT_ID,
      caseId: CASE_ID,
      personId: PERSON_ID,
      pantiId: PANTI_ID,
      officeId: OFFICE_ID,
      kind: 'rehabilitation',
      cluster: 'disability',
      reason: 'eks psikotik after RSJ discharge, no family located',
      at: AT,
      ...data,
    },
  }),
  waitlisted: (queuePosition: number, placementId = PLACEMENT_ID): PlacementEvent => ({
    type: 'PlacementWaitlisted',
    data: { ...REF, placementId, queuePosition, at: AT },
  }),
  placed: (placementId = PLACEMENT_ID): PlacementEvent => ({
    type: 'PlacedInPanti',
    data: { ...REF, placementId, unit: 'Wisma Melati', bed: '12', admittedAt: ADMITTED_AT },
  }),
  planAgreed: (planVersion = 1): PlacementEvent => ({
    type: 'AtensiPlanAgreed',
    data: {
      placementId: PLACEMENT_ID,
      planVersion,
      catalogueVersion: '2021',
      goals: ['takes medication without prompting'],
      plannedServices: [{ serviceType: 'therapy', subtype: 'psychosocial' }],
      setting: 'residential',
      familyInvolved: false,
      familyInvolvementNote: null,
      reviewDates: ['2025-04-01'],
      at: ADMITTED_AT,
    },
  }),
  relapsed: (): PlacementEvent => ({
    type: 'RelapseReported',
    data: { ...REF, officeId: OFFICE_ID, rsjId: RSJ_ID, reportedBy: 'panti', signsObserved: 'not sleeping', at: LATER },
  }),
  absconded: (): PlacementEvent => ({
    type: 'ResidentAbsconded',
    data: { ...REF, lastSeen: 'main gate, evening', at: LATER },
  }),
  terminated: (): PlacementEvent => ({
    type: 'RehabilitationTerminated',
    data: { ...REF, officeId: OFFICE_ID, reason: 'ready-to-return', recommendations: null, at: LATER },
  }),
};

/** A requested and admitted placement. */
export const resident = (): PlacementEvent[] => [placement.requested(), placement.placed()];
/** A resident with an agreed ATENSI plan. */
export const residentWithPlan = (): PlacementEvent[] => [...resident(), placement.planAgreed()];

export const bedBook = {
  capacity: (beds: number, waitlistLimit: number | null = null): PantiEvent => ({
    type: 'PantiCapacitySet',
    data: { pantiId: PANTI_ID, beds, waitlistLimit, at: AT },
  }),
  reserved: (placementId: string): PantiEvent => ({
    type: 'BedReserved',
    data: { pantiId: PANTI_ID, placementId, at: AT },
  }),
  joined: (placementId: string, queuePosition: number): PantiEvent => ({
    type: 'WaitingListJoined',
    data: { pantiId: PANTI_ID, placementId, queuePosition, at: AT },
  }),
  occupied: (placementId: string, bed: string | null = '12', unit: string | null = 'Wisma Melati'): PantiEvent => ({
    type: 'BedOccupied',
    data: { pantiId: PANTI_ID, placementId, unit, bed, at: ADMITTED_AT },
  }),
};
