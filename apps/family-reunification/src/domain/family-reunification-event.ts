import { COMPLAINT_EVENT_DEFINITIONS } from './complaint/complaint.event-definitions';
import type { ComplaintEvent } from './complaint/complaint.events';
import { REUNIFICATION_EVENT_DEFINITIONS } from './reunification/reunification.event-definitions';
import type { ReunificationEvent } from './reunification/reunification.events';

/** Every event this service stores: what its projections read, each picking the streams it models. */
export type FamilyReunificationEvent = ReunificationEvent | ComplaintEvent;

const REUNIFICATION_EVENT_TYPES: ReadonlySet<string> = new Set(REUNIFICATION_EVENT_DEFINITIONS.map((d) => d.type));
const COMPLAINT_EVENT_TYPES: ReadonlySet<string> = new Set(COMPLAINT_EVENT_DEFINITIONS.map((d) => d.type));

export function isReunificationEvent(event: FamilyReunificationEvent): event is ReunificationEvent {
  return REUNIFICATION_EVENT_TYPES.has(event.type);
}

export function isComplaintEvent(event: FamilyReunificationEvent): event is ComplaintEvent {
  return COMPLAINT_EVENT_TYPES.has(event.type);
}
