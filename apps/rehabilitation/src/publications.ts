import {
  PlacedInPantiV1,
  PlacementDeclinedV1,
  PlacementRequestedV1,
  PlacementWaitlistedV1,
  RehabilitationTerminatedV1,
  RelapseReportedV1,
  ResidentAbscondedV1,
} from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import type { Publications } from '@lintas/messaging/outbox/integration-mapper';
import type {
  PlacedInPanti,
  PlacementDeclined,
  PlacementRef,
  PlacementRequested,
  PlacementWaitlisted,
  RehabilitationTerminated,
  RelapseReported,
  ResidentAbsconded,
} from './domain/placement/placement.events';

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
export const REHABILITATION_PUBLICATIONS: Publications = {
  PlacementRequested: ({ data }) => {
    const event = data as PlacementRequested;
    return { contract: PlacementRequestedV1, data: { ...ref(event), officeId: event.officeId, kind: event.kind } };
  },
  PlacementWaitlisted: ({ data }) => {
    const event = data as PlacementWaitlisted;
    return { contract: PlacementWaitlistedV1, data: { ...ref(event), queuePosition: event.queuePosition } };
  },
  PlacementDeclined: ({ data }) => {
    const event = data as PlacementDeclined;
    return { contract: PlacementDeclinedV1, data: { ...ref(event), reason: event.reason } };
  },
  PlacedInPanti: ({ data }) => {
    const event = data as PlacedInPanti;
    return { contract: PlacedInPantiV1, data: { ...ref(event), admittedAt: event.admittedAt } };
  },
  RelapseReported: ({ data }) => {
    const event = data as RelapseReported;
    return {
      contract: RelapseReportedV1,
      data: { ...ref(event), officeId: event.officeId, rsjId: event.rsjId, at: event.at },
    };
  },
  ResidentAbsconded: ({ data }) => {
    const event = data as ResidentAbsconded;
    return { contract: ResidentAbscondedV1, data: { ...ref(event), at: event.at } };
  },
  RehabilitationTerminated: ({ data }) => {
    const event = data as RehabilitationTerminated;
    return {
      contract: RehabilitationTerminatedV1,
      data: { ...ref(event), officeId: event.officeId, reason: event.reason, at: event.at },
    };
  },
};
