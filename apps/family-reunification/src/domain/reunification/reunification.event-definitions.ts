import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import type { ReunificationEventType } from './reunification.events';

/**
 * Personal fields of each event, sealed with the person's key (docs/domain.md, "Personal data": family contacts and
 * addresses, anything revealing health, free text about the person). Staff names of the escort and
 * the receiving office are sealed too: they place a vulnerable person at a time and place.
 */
const PERSONAL_FIELDS: Record<ReunificationEventType, readonly string[]> = {
  FamilyTracingStarted: ['leads'],
  TracingLeadsAdded: ['leads'],
  FamilyTraced: ['relation', 'familyMemberName', 'contact', 'verifiedBy'],
  FamilyNotFound: ['efforts'],
  HomeVisitCompleted: ['risks', 'needs', 'notes'],
  FamilyDeclinedReturn: ['reason'],
  TransferredToRegionOfOrigin: ['escort', 'handedTo'],
  CaseOwnershipMoved: [],
  TransferDeclined: [],
  ReunificationCompleted: ['handedTo', 'place', 'documentsHandedOver', 'medicationHandedOver'],
  FollowUpScheduled: [],
  FollowUpVisitCompleted: ['condition', 'medicationAdherence', 'socialFunctioning'],
  FollowUpMissed: [],
  RelapseReportedByFamily: ['signs'],
  LongTermPlacementArranged: [],
  PersonDeathRecorded: [],
  CaseClosed: [],
};

export const REUNIFICATION_EVENT_DEFINITIONS: EventDefinition[] = Object.entries(PERSONAL_FIELDS).map(
  ([type, personalFields]) => ({ type, schemaVersion: 1, personalFields }),
);
