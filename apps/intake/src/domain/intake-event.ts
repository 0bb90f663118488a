import { CASE_EVENT_DEFINITIONS, type CaseEvent } from './case/case.events';
import { type EmergencyAccessEvent } from './emergency-access/emergency-access.events';
import { type ErasureEvent } from './erasure/erasure.events';
import { type PickupEvent } from './pickup/pickup.events';
import { type TracingRequestEvent } from './tracing-request/tracing-request.events';

/** Every event this service stores: what its projections and its publications read. */
export type IntakeEvent = PickupEvent | CaseEvent | ErasureEvent | EmergencyAccessEvent | TracingRequestEvent;

const CASE_EVENT_TYPES: ReadonlySet<string> = new Set(CASE_EVENT_DEFINITIONS.map((definition) => definition.type));

export function isCaseEvent(event: IntakeEvent): event is CaseEvent {
  return CASE_EVENT_TYPES.has(event.type);
}
