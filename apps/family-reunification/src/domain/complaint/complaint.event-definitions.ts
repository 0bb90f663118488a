import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import type { ComplaintEventType } from './complaint.events';

/**
 * Personal fields of each event, sealed with the person's key (docs/domain.md, "Personal data"): the
 * complaint and its answer are free text about a person, their treatment and their family. Kind,
 * subject ids, agencies and deadlines stay clear: routing, escalation and the indicators need them.
 */
const PERSONAL_FIELDS: Record<ComplaintEventType, readonly string[]> = {
  ComplaintFiled: ['text'],
  ComplaintAnswered: ['answer'],
  ComplaintEscalated: [],
  ComplaintClosed: [],
};

export const COMPLAINT_EVENT_DEFINITIONS: EventDefinition[] = Object.entries(PERSONAL_FIELDS).map(
  ([type, personalFields]) => ({ type, schemaVersion: 1, personalFields }),
);
