import {
  PlacedInPantiV1,
  PlacementDeclinedV1,
  PlacementRequestedV1,
  PlacementWaitlistedV1,
  RehabilitationTerminatedV1,
  RelapseReportedV1,
  ResidentAbscondedV1,
} from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { publicationsOf, type PublishersOf } from '@lintas/messaging/outbox/integration-mapper';
import type { PlacementEvent, PlacementRef } from './domain/placement/placement.events';

const ref = ({ placementId, caseId, personId, pantiId }: PlacementRef): PlacementRef => ({
  placementId,
  caseId,
  personId,
  pantiId,
});

/**
 * What other services hear of a placement: only ids, codes and times. Reasons, notes, signs and
 * plans stay here, where access is checked.
 */
const PUBLISHERS: PublishersOf<PlacementEvent> = {
  PlacementRequested: (data) => ({
    contract: PlacementRequestedV1,
    data: { ...ref(data), officeId: data.officeId, kind: data.kind },
  }),
  PlacementWaitlisted: (data) => ({
    contract: PlacementWaitlistedV1,
    data: { ...ref(data), queuePosition: data.queuePosition },
  }),
  PlacementDeclined: (data) => ({ contract: PlacementDeclinedV1, data: { ...ref(data), reason: data.reason } }),
  PlacedInPanti: (data) => ({ contract: PlacedInPantiV1, data: { ...ref(data), admittedAt: data.admittedAt } }),
  RelapseReported: (data) => ({
    contract: RelapseReportedV1,
    data: { ...ref(data), officeId: data.officeId, rsjId: data.rsjId, at: data.at },
  }),
  ResidentAbsconded: (data) => ({ contract: ResidentAbscondedV1, data: { ...ref(data), at: data.at } }),
  RehabilitationTerminated: (data) => ({
    contract: RehabilitationTerminatedV1,
    data: { ...ref(data), officeId: data.officeId, reason: data.reason, at: data.at },
  }),
};

export const REHABILITATION_PUBLICATIONS = publicationsOf<PlacementEvent>(PUBLISHERS);
