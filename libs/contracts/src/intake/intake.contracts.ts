import { defineContract } from '../contract';
import { agencyId, instant, oneOf, record, regionCode, text, uuid } from '../schema/vocabulary';

/**
 * What intake tells the other services: pickups, hand-overs, cases, identities linked, assessment
 * decisions and transfers of case ownership. No names, NIK, descriptors, PPKS categories (they
 * reveal health) or free-text reasons travel: a receiving agency that needs them asks through the
 * API, where access is checked.
 */
export const INTAKE_TOPIC = 'lintas.intake.events';
const source = { topic: INTAKE_TOPIC, version: 1 } as const;

export const ASSESSMENT_DECISIONS = ['rsj', 'panti', 'home', 'community'] as const;
export type AssessmentDecision = (typeof ASSESSMENT_DECISIONS)[number];

export interface PickupReportedV1 {
  pickupId: string;
  personId: string;
  unitId: string;
  foundAt: string;
  regionCode: string;
  circumstances: string;
}
export const PickupReportedV1 = defineContract<PickupReportedV1>({
  ...source,
  name: 'id.lintas.intake.pickup.reported',
  schema: record({
    pickupId: uuid,
    personId: uuid,
    unitId: agencyId,
    foundAt: instant,
    regionCode,
    circumstances: text,
  }),
});

export interface PersonHandedOverV1 {
  pickupId: string;
  personId: string;
  officeId: string;
  receivedAt: string;
}
export const PersonHandedOverV1 = defineContract<PersonHandedOverV1>({
  ...source,
  name: 'id.lintas.intake.person.handed-over',
  schema: record({ pickupId: uuid, personId: uuid, officeId: agencyId, receivedAt: instant }),
});

export interface IntakeRegisteredV1 {
  caseId: string;
  caseNumber: string;
  personId: string;
  officeId: string;
}
export const IntakeRegisteredV1 = defineContract<IntakeRegisteredV1>({
  ...source,
  name: 'id.lintas.intake.case.registered',
  schema: record({ caseId: uuid, caseNumber: text, personId: uuid, officeId: agencyId }),
});

export interface PersonIdentifiedV1 {
  caseId: string;
  personId: string;
  /** The kabupaten/kota of origin where known: where family tracing and a transfer point. */
  originRegionCode: string | null;
}
export const PersonIdentifiedV1 = defineContract<PersonIdentifiedV1>({
  ...source,
  name: 'id.lintas.intake.person.identified',
  schema: record({ caseId: uuid, personId: uuid, originRegionCode: { ...regionCode, type: ['string', 'null'] } }),
});

/** Two records are one person: the linked one's history joins the survivor's, both kept. */
export interface PersonsLinkedV1 {
  survivorPersonId: string;
  linkedPersonId: string;
  decidedBy: string;
}
export const PersonsLinkedV1 = defineContract<PersonsLinkedV1>({
  ...source,
  name: 'id.lintas.intake.persons.linked',
  schema: record({ survivorPersonId: uuid, linkedPersonId: uuid, decidedBy: agencyId }),
});

export interface AssessmentCompletedV1 {
  caseId: string;
  personId: string;
  officeId: string;
  decision: AssessmentDecision;
  /** The RSJ referred to when the decision is `rsj`, the panti when it is `panti`. */
  rsjId?: string;
  pantiId?: string;
}
export const AssessmentCompletedV1 = defineContract<AssessmentCompletedV1>({
  ...source,
  name: 'id.lintas.intake.assessment.completed',
  schema: record(
    { caseId: uuid, personId: uuid, officeId: agencyId, decision: oneOf(ASSESSMENT_DECISIONS) },
    { rsjId: agencyId, pantiId: agencyId },
  ),
});

export interface CaseTransferRequestedV1 {
  caseId: string;
  personId: string;
  fromOfficeId: string;
  toOfficeId: string;
}
export const CaseTransferRequestedV1 = defineContract<CaseTransferRequestedV1>({
  ...source,
  name: 'id.lintas.intake.case-transfer.requested',
  schema: record({ caseId: uuid, personId: uuid, fromOfficeId: agencyId, toOfficeId: agencyId }),
});

export interface CaseTransferAcceptedV1 {
  caseId: string;
  personId: string;
  fromOfficeId: string;
  toOfficeId: string;
}
export const CaseTransferAcceptedV1 = defineContract<CaseTransferAcceptedV1>({
  ...source,
  name: 'id.lintas.intake.case-transfer.accepted',
  schema: record({ caseId: uuid, personId: uuid, fromOfficeId: agencyId, toOfficeId: agencyId }),
});

export type CaseTransferDeclinedV1 = CaseTransferAcceptedV1;
export const CaseTransferDeclinedV1 = defineContract<CaseTransferDeclinedV1>({
  ...source,
  name: 'id.lintas.intake.case-transfer.declined',
  schema: record({ caseId: uuid, personId: uuid, fromOfficeId: agencyId, toOfficeId: agencyId }),
});

export const INTAKE_CONTRACTS = [
  PickupReportedV1,
  PersonHandedOverV1,
  IntakeRegisteredV1,
  PersonIdentifiedV1,
  PersonsLinkedV1,
  AssessmentCompletedV1,
  CaseTransferRequestedV1,
  CaseTransferAcceptedV1,
  CaseTransferDeclinedV1,
] as const;
