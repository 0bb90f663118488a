import {
  CaseClosedV1,
  ComplaintAnsweredV1,
  ComplaintClosedV1,
  ComplaintEscalatedV1,
  ComplaintFiledV1,
  FamilyDeclinedReturnV1,
  FamilyNotFoundV1,
  FamilyTracedV1,
  FamilyTracingStartedV1,
  FollowUpMissedV1,
  FollowUpVisitCompletedV1,
  LongTermPlacementArrangedV1,
  ReunificationCompletedV1,
  TransferredToRegionOfOriginV1,
} from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { publicationsOf } from '@lintas/messaging/outbox/integration-mapper';
import type { FamilyReunificationEvent } from './domain/family-reunification-event';
import type { ReunificationRef } from './domain/reunification/reunification.events';

/** Only the ids travel: the family's names, contacts, the person's health and complaints' text stay in this service. */
function ref(data: ReunificationRef): ReunificationRef {
  return {
    reunificationId: data.reunificationId,
    caseId: data.caseId,
    personId: data.personId,
    officeId: data.officeId,
  };
}

export const FAMILY_REUNIFICATION_PUBLICATIONS = publicationsOf<FamilyReunificationEvent>({
  FamilyTracingStarted: (data) => ({
    contract: FamilyTracingStartedV1,
    data: { ...ref(data), startedFrom: data.startedFrom, at: data.at },
  }),
  FamilyTraced: (data) => ({ contract: FamilyTracedV1, data: { ...ref(data), regionCode: data.regionCode } }),
  FamilyNotFound: (data) => ({ contract: FamilyNotFoundV1, data: ref(data) }),
  FamilyDeclinedReturn: (data) => ({ contract: FamilyDeclinedReturnV1, data: ref(data) }),
  TransferredToRegionOfOrigin: (data) => ({
    contract: TransferredToRegionOfOriginV1,
    data: { ...ref(data), toOfficeId: data.toOfficeId, at: data.at },
  }),
  ReunificationCompleted: (data) => ({ contract: ReunificationCompletedV1, data: { ...ref(data), at: data.at } }),
  LongTermPlacementArranged: (data) => ({
    contract: LongTermPlacementArrangedV1,
    data: { ...ref(data), pantiId: data.pantiId, reason: data.reason },
  }),
  FollowUpVisitCompleted: (data) => ({
    contract: FollowUpVisitCompletedV1,
    data: { ...ref(data), visit: data.visit, at: data.at },
  }),
  FollowUpMissed: (data) => ({
    contract: FollowUpMissedV1,
    data: { ...ref(data), visit: data.visit, dueOn: data.overdueSince },
  }),
  CaseClosed: (data) => ({ contract: CaseClosedV1, data: { ...ref(data), outcome: data.outcome, at: data.at } }),
  // A complaint's kind, subject type, agencies and deadlines: enough to count and to follow, not to read.
  ComplaintFiled: (data) => ({
    contract: ComplaintFiledV1,
    data: {
      complaintId: data.complaintId,
      personId: data.personId,
      kind: data.kind,
      subjectType: data.about.type,
      filedBy: data.filedBy,
      routedTo: data.routedTo,
      answerBy: data.answerBy,
      at: data.at,
    },
  }),
  ComplaintAnswered: (data) => ({
    contract: ComplaintAnsweredV1,
    data: { complaintId: data.complaintId, personId: data.personId, answeredBy: data.routedTo, at: data.at },
  }),
  ComplaintEscalated: (data) => ({
    contract: ComplaintEscalatedV1,
    data: {
      complaintId: data.complaintId,
      personId: data.personId,
      fromAgencyId: data.fromAgencyId,
      routedTo: data.routedTo,
      answerBy: data.answerBy,
      at: data.at,
    },
  }),
  ComplaintClosed: (data) => ({
    contract: ComplaintClosedV1,
    data: { complaintId: data.complaintId, personId: data.personId, outcome: data.outcome, at: data.at },
  }),
});
