import {
  AssessmentCompletedV1,
  CaseTransferAcceptedV1,
  CaseTransferDeclinedV1,
  CaseTransferRequestedV1,
  IntakeRegisteredV1,
  PersonHandedOverV1,
  PersonIdentifiedV1,
  PersonsLinkedV1,
  PickupReportedV1,
} from '@lintas/contracts/intake/intake.contracts';
import type { Publications } from '@lintas/messaging/outbox/integration-mapper';
import type { CaseEvent } from './domain/case/case.events';
import type { PickupEvent } from './domain/pickup/pickup.events';

type IntakeEvent = CaseEvent | PickupEvent;
type DataOf<T extends IntakeEvent['type']> = Extract<IntakeEvent, { type: T }>['data'];

// The mapper hands over stored events untyped; these are this service's own, so their type names their data.
const dataOf = <T extends IntakeEvent['type']>(event: { data: unknown }): DataOf<T> => event.data as DataOf<T>;

/**
 * What other services hear from intake: ids, codes, regions and times. No name, NIK, descriptor,
 * note or assessment content travels (the contracts say so); identification only tells the region
 * of origin. Duplicate proposals, consent, deaths, escapes and closures recorded here stay inside:
 * the latter three came from the other services in the first place.
 */
export const INTAKE_PUBLICATIONS: Publications = {
  PickupReported: (event) => {
    const data = dataOf<'PickupReported'>(event);
    const published: PickupReportedV1 = {
      pickupId: data.pickupId,
      personId: data.personId,
      unitId: data.unitId,
      foundAt: data.foundAt,
      regionCode: data.location.regionCode,
      // The contract has one text; the circumstances are codes, so no personal detail travels.
      circumstances: data.circumstances.join(', '),
    };
    return { contract: PickupReportedV1, data: published };
  },
  PersonHandedOverToDinasSosial: (event) => {
    const data = dataOf<'PersonHandedOverToDinasSosial'>(event);
    const published: PersonHandedOverV1 = {
      pickupId: data.pickupId,
      personId: data.personId,
      officeId: data.officeId,
      receivedAt: data.receivedAt,
    };
    return { contract: PersonHandedOverV1, data: published };
  },
  IntakeRegistered: (event) => {
    const data = dataOf<'IntakeRegistered'>(event);
    const published: IntakeRegisteredV1 = {
      caseId: data.caseId,
      caseNumber: data.caseNumber,
      personId: data.personId,
      officeId: data.officeId,
    };
    return { contract: IntakeRegisteredV1, data: published };
  },
  PersonIdentified: (event) => {
    const data = dataOf<'PersonIdentified'>(event);
    const published: PersonIdentifiedV1 = {
      caseId: data.caseId,
      personId: data.personId,
      originRegionCode: data.originRegionCode,
    };
    return { contract: PersonIdentifiedV1, data: published };
  },
  PersonsLinked: (event) => {
    const data = dataOf<'PersonsLinked'>(event);
    const published: PersonsLinkedV1 = {
      survivorPersonId: data.survivorPersonId,
      linkedPersonId: data.linkedPersonId,
      decidedBy: data.decidedBy,
    };
    return { contract: PersonsLinkedV1, data: published };
  },
  AssessmentCompleted: (event) => {
    const data = dataOf<'AssessmentCompleted'>(event);
    const published: AssessmentCompletedV1 = {
      caseId: data.caseId,
      personId: data.personId,
      officeId: data.officeId,
      decision: data.decision,
      ...(data.rsjId && { rsjId: data.rsjId }),
      ...(data.pantiId && { pantiId: data.pantiId }),
    };
    return { contract: AssessmentCompletedV1, data: published };
  },
  CaseTransferRequested: (event) => {
    const data = dataOf<'CaseTransferRequested'>(event);
    const published: CaseTransferRequestedV1 = {
      caseId: data.caseId,
      personId: data.personId,
      fromOfficeId: data.fromOfficeId,
      toOfficeId: data.toOfficeId,
    };
    return { contract: CaseTransferRequestedV1, data: published };
  },
  CaseTransferAccepted: (event) => {
    const data = dataOf<'CaseTransferAccepted'>(event);
    const published: CaseTransferAcceptedV1 = {
      caseId: data.caseId,
      personId: data.personId,
      fromOfficeId: data.fromOfficeId,
      toOfficeId: data.toOfficeId,
    };
    return { contract: CaseTransferAcceptedV1, data: published };
  },
  CaseTransferDeclined: (event) => {
    const data = dataOf<'CaseTransferDeclined'>(event);
    const published: CaseTransferDeclinedV1 = {
      caseId: data.caseId,
      personId: data.personId,
      fromOfficeId: data.fromOfficeId,
      toOfficeId: data.toOfficeId,
    };
    return { contract: CaseTransferDeclinedV1, data: published };
  },
};
