import { type Actor } from '../actor';
import { dinsosMalang } from '../testing/actors';
import { type CaseCommand } from './case.commands';
import { createCaseDecider } from './case.decider';
import {
  type CaseClosed,
  type ConsentRecorded,
  type DeathRecorded,
  type IntakeRegistered,
  type PersonIdentified,
} from './case.events';

/** Shared by the case specs: one case in Kabupaten Malang, its person and the region directory. */
export const caseId = '9d3f1b2a-6c4e-4f5a-8b7c-1e2d3c4b5a69';
export const personId = '0b7e5a4c-3d2f-4e1a-8b9c-7d6e5f4a3b2c';
export const pickupId = '6f1c2a9e-4b1d-4c7e-9a53-1f0e2d3c4b5a';
export const earlierPersonId = '5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716';
export const NIK = '3507011708850001';

export const regions: ReadonlySet<string> = new Set(['3507', '350701', '3571', '357101', '3578', '357801']);
export const caseDecider = createCaseDecider(regions);

export const AT = '2025-03-05T10:00:00+07:00';

/** A command of the given type with the shared case id, the owning office and a time filled in. */
export function command<C extends CaseCommand>(
  type: C['type'],
  rest: Omit<C, 'type' | 'caseId' | 'actor' | 'at'> & { actor?: Actor; at?: string },
): C {
  return { type, caseId, actor: dinsosMalang, at: AT, ...rest } as C;
}

export const registered: IntakeRegistered = {
  type: 'IntakeRegistered',
  data: {
    caseId,
    caseNumber: '3507-2025-00042',
    personId,
    officeId: 'dinsos-3507',
    officeRegionCode: '3507',
    pickupId,
    foundRegionCode: '3507',
    categories: ['gelandangan-psikotik'],
    descriptors: { sex: 'male', namesMentioned: ['Kirun'] },
    registeredAt: '2025-03-04T12:00:00+07:00',
  },
};

export const identified: PersonIdentified = {
  type: 'PersonIdentified',
  data: {
    caseId,
    personId,
    identifiedBy: 'dinsos-3507',
    identifiedAt: AT,
    nik: NIK,
    kk: null,
    name: 'Sukirun',
    aliases: ['Mbah Kirun'],
    birthDate: '1985-08-17',
    birthYear: 1985,
    sex: 'male',
    address: null,
    originRegionCode: '3507',
    source: 'family',
    confidence: 'probable',
    flags: [],
  },
};

export const consented: ConsentRecorded = {
  type: 'ConsentRecorded',
  data: {
    caseId,
    personId,
    purpose: 'case-management',
    basis: {
      kind: 'legal-basis',
      ground: 'public-task',
      reference: 'UU 27/2022 Pasal 20',
      whyNoConsent: 'acute psychosis',
    },
    capacityNote: null,
    recordedBy: 'dinsos-3507',
    recordedAt: AT,
  },
};

export const closed: CaseClosed = {
  type: 'CaseClosed',
  data: { caseId, personId, outcome: 'reunified', closedBy: 'dinsos-3507', closedAt: AT },
};

export const died: DeathRecorded = {
  type: 'DeathRecorded',
  data: {
    caseId,
    personId,
    diedAt: '2025-03-05T03:00:00+07:00',
    reportedBy: 'rsj-lawang',
    certificateRef: null,
    recordedBy: 'rsj-lawang',
    recordedAt: AT,
  },
};
