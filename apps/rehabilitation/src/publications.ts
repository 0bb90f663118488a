import {
  PlacedInPantiV1,
  PlacementDeclinedV1,
  PlacementRequestedV1,
  PlacementWaitlistedV1,
  RehabilitationTerminatedV1,
  RelapseReportedV1,
  ResidentAbscondedV1,
} from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import type { Publication, Publications } from '@lintas/messaging/outbox/integration-mapper';
import { isPlacementEvent } from './domain/placement/placement.event-definitions';
import type { PlacementEvent, PlacementRef } from './domain/placement/placement.events';

type PlacementEventType = PlacementEvent['type'];
type DataOf<Type extends PlacementEventType> = Extract<PlacementEvent, { type: Type }>['data'];
type Publishers = { [Type in PlacementEventType]?: (data: DataOf<Type>) => Publication };
type Stored = Parameters<Publications[string]>[0];

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
const PUBLISHERS: Publishers = {
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

function publish<Type extends PlacementEventType>(event: { type: Type; data: DataOf<Type> }): Publication | undefined {
  return PUBLISHERS[event.type]?.(event.data);
}

/** The outbox hands over each stored event as it was read: typed by its type name here. */
export const REHABILITATION_PUBLICATIONS: Partial<Record<PlacementEventType, Publications[string]>> =
  Object.fromEntries(
    Object.keys(PUBLISHERS).map((type) => [
      type,
      (event: Stored) => (isPlacementEvent(event) ? publish(event) : undefined),
    ]),
  );
