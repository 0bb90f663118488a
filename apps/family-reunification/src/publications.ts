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
import type { Publications } from '@lintas/messaging/outbox/integration-mapper';
import type { ReunificationEvent, ReunificationRef } from './domain/reunification/reunification.events';

type DataOf<Type extends ReunificationEvent['type']> = Extract<ReunificationEvent, { type: Type }>['data'];

/** Only the ids travel: the family's names, contacts and the person's health stay in this service. */
function ref(data: ReunificationRef): ReunificationRef {
  return {
    reunificationId: data.reunificationId,
    caseId: data.caseId,
    personId: data.personId,
    officeId: data.officeId,
  };
}

export const FAMILY_REUNIFICATION_PUBLICATIONS: Publications = {
  FamilyTraced: (event) => {
    const data = event.data as DataOf<'FamilyTraced'>;
    return { contract: FamilyTracedV1, data: { ...ref(data), regionCode: data.regionCode } };
  },
  FamilyNotFound: (event) => ({ contract: FamilyNotFoundV1, data: ref(event.data as DataOf<'FamilyNotFound'>) }),
  FamilyDeclinedReturn: (event) => ({
    contract: FamilyDeclinedReturnV1,
    data: ref(event.data as DataOf<'FamilyDeclinedReturn'>),
  }),
  TransferredToRegionOfOrigin: (event) => {
    const data = event.data as DataOf<'TransferredToRegionOfOrigin'>;
    return {
      contract: TransferredToRegionOfOriginV1,
      data: { ...ref(data), toOfficeId: data.toOfficeId, at: data.at },
    };
  },
  ReunificationCompleted: (event) => {
    const data = event.data as DataOf<'ReunificationCompleted'>;
    return { contract: ReunificationCompletedV1, data: { ...ref(data), at: data.at } };
  },
  LongTermPlacementArranged: (event) => {
    const data = event.data as DataOf<'LongTermPlacementArranged'>;
    return {
      contract: LongTermPlacementArrangedV1,
      data: { ...ref(data), pantiId: data.pantiId, reason: data.reason },
    };
  },
  FollowUpVisitCompleted: (event) => {
    const data = event.data as DataOf<'FollowUpVisitCompleted'>;
    return { contract: FollowUpVisitCompletedV1, data: { ...ref(data), visit: data.visit, at: data.at } };
  },
  FollowUpMissed: (event) => {
    const data = event.data as DataOf<'FollowUpMissed'>;
    return { contract: FollowUpMissedV1, data: { ...ref(data), visit: data.visit, dueOn: data.overdueSince } };
  },
  CaseClosed: (event) => {
    const data = event.data as DataOf<'CaseClosed'>;
    return { contract: CaseClosedV1, data: { ...ref(data), outcome: data.outcome, at: data.at } };
  },
};
