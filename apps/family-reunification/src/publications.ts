import {
  CaseClosedV1,
  FamilyDeclinedReturnV1,
  FamilyNotFoundV1,
  FamilyTracedV1,
  FollowUpMissedV1,
  FollowUpVisitCompletedV1,
  LongTermPlacementArrangedV1,
  ReunificationCompletedV1,
  TransferredToRegionOfOriginV1,
} from '@lintas/contracts/family-reunification/family-reunification.contracts';
import { publicationsOf } from '@lintas/messaging/outbox/integration-mapper';
import type { ReunificationEvent, ReunificationRef } from './domain/reunification/reunification.events';

/** Only the ids travel: the family's names, contacts and the person's health stay in this service. */
function ref(data: ReunificationRef): ReunificationRef {
  return {
    reunificationId: data.reunificationId,
    caseId: data.caseId,
    personId: data.personId,
    officeId: data.officeId,
  };
}

export const FAMILY_REUNIFICATION_PUBLICATIONS = publicationsOf<ReunificationEvent>({
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
});
