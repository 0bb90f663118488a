import { accessRecordedContract } from '../admin/access-records.contracts';
import { redeliveryRequestedContract } from '../admin/redelivery.contracts';
import { defineContract } from '../contract';
import { agencyId, instant, listOf, nullable, oneOf, record, regionCode, text, uuid } from '../schema/vocabulary';

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

export const ERASURE_GROUNDS = [
  'data-subject-request',
  'purpose-fulfilled',
  'unlawful-processing',
  'court-order',
] as const;

/**
 * An admin erased a person (UU 27/2022): every service destroys the keys that seal their data, so
 * that it reads as erased everywhere and for good, while every chain still verifies. `persons` is
 * the person and every record linked with them.
 */
export interface PersonErasedV1 {
  personId: string;
  persons: string[];
  ground: (typeof ERASURE_GROUNDS)[number];
  erasedAt: string;
}
export const PersonErasedV1 = defineContract<PersonErasedV1>({
  ...source,
  name: 'id.lintas.intake.person.erased',
  schema: record({ personId: uuid, persons: listOf(uuid), ground: oneOf(ERASURE_GROUNDS), erasedAt: instant }),
});

/**
 * Break-the-glass: an agency took emergency access to a person until `expiresAt`; every service
 * lets it read that person's records until then, each read recorded under this access. The reason
 * stays in intake (it may tell of the person): the owning offices read it there when they review.
 */
export interface EmergencyAccessGrantedV1 {
  accessId: string;
  personId: string;
  agencyId: string;
  expiresAt: string;
  owningOfficeIds: string[];
}
export const EmergencyAccessGrantedV1 = defineContract<EmergencyAccessGrantedV1>({
  ...source,
  name: 'id.lintas.intake.emergency-access.granted',
  schema: record({
    accessId: uuid,
    personId: uuid,
    agencyId,
    expiresAt: instant,
    owningOfficeIds: listOf(agencyId),
  }),
});

export interface EmergencyAccessReviewedV1 {
  accessId: string;
  personId: string;
  verdict: 'justified' | 'unjustified';
  reviewedBy: string;
}
export const EmergencyAccessReviewedV1 = defineContract<EmergencyAccessReviewedV1>({
  ...source,
  name: 'id.lintas.intake.emergency-access.reviewed',
  schema: record({
    accessId: uuid,
    personId: uuid,
    verdict: oneOf(['justified', 'unjustified']),
    reviewedBy: agencyId,
  }),
});

/**
 * A family's request to find a missing relative, registered or changed: the matcher scores it
 * against the persons found. The description stays in intake, sealed; only ids travel.
 */
export interface TracingRequestRegisteredV1 {
  tracingRequestId: string;
  /** The relative sought: a person id of its own until a confirmed match names the person found. */
  personId: string;
  officeId: string;
  registeredBy: string;
}
export const TracingRequestRegisteredV1 = defineContract<TracingRequestRegisteredV1>({
  ...source,
  name: 'id.lintas.intake.tracing-request.registered',
  schema: record({ tracingRequestId: uuid, personId: uuid, officeId: agencyId, registeredBy: agencyId }),
});

export interface TracingRequestUpdatedV1 {
  tracingRequestId: string;
  personId: string;
  officeId: string;
}
export const TracingRequestUpdatedV1 = defineContract<TracingRequestUpdatedV1>({
  ...source,
  name: 'id.lintas.intake.tracing-request.updated',
  schema: record({ tracingRequestId: uuid, personId: uuid, officeId: agencyId }),
});

/** Withdrawn by the family, or closed because the relative was found: no more matching. */
export interface TracingRequestClosedV1 {
  tracingRequestId: string;
  personId: string;
  officeId: string;
  outcome: 'found' | 'withdrawn';
  /** The person found, when the relative was found through Lintas. */
  foundPersonId: string | null;
}
export const TracingRequestClosedV1 = defineContract<TracingRequestClosedV1>({
  ...source,
  name: 'id.lintas.intake.tracing-request.closed',
  schema: record({
    tracingRequestId: uuid,
    personId: uuid,
    officeId: agencyId,
    outcome: oneOf(['found', 'withdrawn']),
    foundPersonId: nullable(uuid),
  }),
});

/**
 * A person found may be the relative a request seeks: the pair waits in the owning office's review
 * queue. Ids and the probability only; the reasons and descriptions stay in intake.
 */
export interface TracingMatchProposedV1 {
  tracingRequestId: string;
  /** The person found: the candidate. */
  personId: string;
  officeId: string;
  probability: number;
}
export const TracingMatchProposedV1 = defineContract<TracingMatchProposedV1>({
  ...source,
  name: 'id.lintas.intake.tracing-match.proposed',
  schema: record({
    tracingRequestId: uuid,
    personId: uuid,
    officeId: agencyId,
    probability: { type: 'number', minimum: 0, maximum: 1 },
  }),
});

/** The social worker found the candidate is not the relative: the pair is never proposed again. */
export interface TracingMatchRejectedV1 {
  tracingRequestId: string;
  personId: string;
  officeId: string;
}
export const TracingMatchRejectedV1 = defineContract<TracingMatchRejectedV1>({
  ...source,
  name: 'id.lintas.intake.tracing-match.rejected',
  schema: record({ tracingRequestId: uuid, personId: uuid, officeId: agencyId }),
});

/**
 * A social worker of the owning office finds a person found to be the relative a family seeks:
 * family verification and the return start for the person's case (family-reunification).
 */
export interface TracingMatchConfirmedV1 {
  tracingRequestId: string;
  /** The person found: the subject of the case. */
  personId: string;
  caseId: string;
  /** The office owning the person's case, which runs the return. */
  caseOfficeId: string;
  /** The office owning the tracing request: the family's. */
  requestOfficeId: string;
  /** The family's kabupaten/kota, as last seen: where the return points. */
  familyRegionCode: string;
}
export const TracingMatchConfirmedV1 = defineContract<TracingMatchConfirmedV1>({
  ...source,
  name: 'id.lintas.intake.tracing-match.confirmed',
  schema: record({
    tracingRequestId: uuid,
    personId: uuid,
    caseId: uuid,
    caseOfficeId: agencyId,
    requestOfficeId: agencyId,
    familyRegionCode: regionCode,
  }),
});

/** An admin had intake publish some of its events again (POST /admin/redeliveries). */
export const IntakeRedeliveryRequestedV1 = redeliveryRequestedContract('intake', INTAKE_TOPIC);

/** Each read of people's data in intake, and each refusal, for the ledger (on its own topic). */
export const IntakeAccessRecordedV1 = accessRecordedContract('intake');

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
  PersonErasedV1,
  EmergencyAccessGrantedV1,
  EmergencyAccessReviewedV1,
  TracingRequestRegisteredV1,
  TracingRequestUpdatedV1,
  TracingRequestClosedV1,
  TracingMatchProposedV1,
  TracingMatchConfirmedV1,
  TracingMatchRejectedV1,
  IntakeRedeliveryRequestedV1,
  IntakeAccessRecordedV1,
] as const;
