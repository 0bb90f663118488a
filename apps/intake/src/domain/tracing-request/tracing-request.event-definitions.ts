import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import type { TracingRequestEventType } from './tracing-request.events';

/**
 * Personal fields of each event, sealed with the sought person's key (docs/domain.md, "Personal data"): the
 * family's name and contact, everything describing the relative (names, NIK, descriptors, the photo, known
 * conditions, which reveal health), the place last seen and free text. The region code and day last seen
 * stay clear, as intake keeps the region a person was found in: access and matching work on them.
 */
const PERSONAL_FIELDS: Record<TracingRequestEventType, readonly string[]> = {
  TracingRequestRegistered: ['requester', 'sought', 'lastSeen.place'],
  TracingRequestUpdated: ['requester', 'sought', 'lastSeen.place'],
  TracingRequestWithdrawn: ['reason'],
  TracingRequestClosedAsFound: ['note'],
  MatchProposed: [],
  MatchConfirmed: [],
  MatchRejected: ['reason'],
};

export const TRACING_REQUEST_EVENT_DEFINITIONS: EventDefinition[] = Object.entries(PERSONAL_FIELDS).map(
  ([type, personalFields]) => ({ type, schemaVersion: 1, personalFields }),
);
