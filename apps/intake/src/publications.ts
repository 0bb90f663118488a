import {
  AssessmentCompletedV1,
  CaseTransferAcceptedV1,
  CaseTransferDeclinedV1,
  CaseTransferRequestedV1,
  IntakeRegisteredV1,
  PersonHandedOverV1,
  PersonIdentifiedV1,
  EmergencyAccessGrantedV1,
  EmergencyAccessReviewedV1,
  PersonErasedV1,
  PersonsLinkedV1,
  PickupReportedV1,
  TracingMatchConfirmedV1,
  TracingMatchProposedV1,
  TracingMatchRejectedV1,
  TracingRequestClosedV1,
  TracingRequestRegisteredV1,
  TracingRequestUpdatedV1,
} from '@lintas/contracts/intake/intake.contracts';
import { publication, publicationsOf, type PublishersOf } from '@lintas/messaging/outbox/integration-mapper';
import type { IntakeEvent } from './domain/intake-event';

/**
 * What other services hear from intake: ids, codes, regions and times. No name, NIK, descriptor,
 * note or assessment content travels (the contracts say so); identification only tells the region
 * of origin. Duplicate proposals, consent, deaths, escapes and closures recorded here stay inside:
 * the latter three came from the other services in the first place. Tracing requests tell only
 * their ids and offices; a match, its candidate and probability (the reasons stay inside); a
 * confirmation names the case.
 */
const PUBLISHERS: PublishersOf<IntakeEvent> = {
  PickupReported: (data) =>
    publication(PickupReportedV1, {
      pickupId: data.pickupId,
      personId: data.personId,
      unitId: data.unitId,
      foundAt: data.foundAt,
      regionCode: data.location.regionCode,
      // The contract has one text; the circumstances are codes, so no personal detail travels.
      circumstances: data.circumstances.join(', '),
    }),
  PersonHandedOverToDinasSosial: (data) =>
    publication(PersonHandedOverV1, {
      pickupId: data.pickupId,
      personId: data.personId,
      officeId: data.officeId,
      receivedAt: data.receivedAt,
    }),
  IntakeRegistered: (data) =>
    publication(IntakeRegisteredV1, {
      caseId: data.caseId,
      caseNumber: data.caseNumber,
      personId: data.personId,
      officeId: data.officeId,
    }),
  PersonIdentified: (data) =>
    publication(PersonIdentifiedV1, {
      caseId: data.caseId,
      personId: data.personId,
      originRegionCode: data.originRegionCode,
    }),
  EmergencyAccessGranted: (data) =>
    publication(EmergencyAccessGrantedV1, {
      accessId: data.accessId,
      personId: data.personId,
      agencyId: data.agencyId,
      expiresAt: data.expiresAt,
      owningOfficeIds: data.owningOfficeIds,
    }),
  EmergencyAccessReviewed: (data) =>
    publication(EmergencyAccessReviewedV1, {
      accessId: data.accessId,
      personId: data.personId,
      verdict: data.verdict,
      reviewedBy: data.reviewedBy,
    }),
  PersonErased: (data) =>
    publication(PersonErasedV1, {
      personId: data.personId,
      persons: data.persons,
      ground: data.ground,
      erasedAt: data.erasedAt,
    }),
  PersonsLinked: (data) =>
    publication(PersonsLinkedV1, {
      survivorPersonId: data.survivorPersonId,
      linkedPersonId: data.linkedPersonId,
      decidedBy: data.decidedBy,
    }),
  AssessmentCompleted: (data) =>
    publication(AssessmentCompletedV1, {
      caseId: data.caseId,
      personId: data.personId,
      officeId: data.officeId,
      decision: data.decision,
      ...(data.rsjId && { rsjId: data.rsjId }),
      ...(data.pantiId && { pantiId: data.pantiId }),
    }),
  CaseTransferRequested: (data) =>
    publication(CaseTransferRequestedV1, {
      caseId: data.caseId,
      personId: data.personId,
      fromOfficeId: data.fromOfficeId,
      toOfficeId: data.toOfficeId,
    }),
  CaseTransferAccepted: (data) =>
    publication(CaseTransferAcceptedV1, {
      caseId: data.caseId,
      personId: data.personId,
      fromOfficeId: data.fromOfficeId,
      toOfficeId: data.toOfficeId,
    }),
  CaseTransferDeclined: (data) =>
    publication(CaseTransferDeclinedV1, {
      caseId: data.caseId,
      personId: data.personId,
      fromOfficeId: data.fromOfficeId,
      toOfficeId: data.toOfficeId,
    }),
  TracingRequestRegistered: (data) =>
    publication(TracingRequestRegisteredV1, {
      tracingRequestId: data.tracingRequestId,
      personId: data.personId,
      officeId: data.officeId,
      registeredBy: data.registeredBy,
    }),
  TracingRequestUpdated: (data) =>
    publication(TracingRequestUpdatedV1, {
      tracingRequestId: data.tracingRequestId,
      personId: data.personId,
      officeId: data.officeId,
    }),
  TracingRequestWithdrawn: (data) =>
    publication(TracingRequestClosedV1, {
      tracingRequestId: data.tracingRequestId,
      personId: data.personId,
      officeId: data.officeId,
      outcome: 'withdrawn',
      foundPersonId: null,
    }),
  TracingRequestClosedAsFound: (data) =>
    publication(TracingRequestClosedV1, {
      tracingRequestId: data.tracingRequestId,
      personId: data.personId,
      officeId: data.officeId,
      outcome: 'found',
      foundPersonId: data.foundPersonId ?? null,
    }),
  MatchProposed: (data) =>
    publication(TracingMatchProposedV1, {
      tracingRequestId: data.tracingRequestId,
      personId: data.candidatePersonId,
      officeId: data.officeId,
      probability: data.probability,
    }),
  MatchRejected: (data) =>
    publication(TracingMatchRejectedV1, {
      tracingRequestId: data.tracingRequestId,
      personId: data.candidatePersonId,
      officeId: data.officeId,
    }),
  // The found person is the subject from here on: the return is theirs.
  MatchConfirmed: (data) =>
    publication(TracingMatchConfirmedV1, {
      tracingRequestId: data.tracingRequestId,
      personId: data.candidatePersonId,
      caseId: data.candidateCaseId,
      caseOfficeId: data.candidateCaseOfficeId,
      requestOfficeId: data.officeId,
      familyRegionCode: data.familyRegionCode,
    }),
};

export const INTAKE_PUBLICATIONS = publicationsOf<IntakeEvent>(PUBLISHERS);
