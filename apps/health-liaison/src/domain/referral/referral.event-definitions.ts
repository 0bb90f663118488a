import type { EventDefinition } from '@lintas/event-store/events/event-registry';
import type { ReferralEventType } from './referral.events';

// Every referral reveals a health matter; these are the fields that also identify or describe the
// person (or their worker), and so are sealed with the person's key.
const PERSONAL_FIELDS: Record<ReferralEventType, readonly string[]> = {
  RsjReferralRequested: ['guarantee.reference'],
  ReferralLetterSent: ['letter.reason', 'letter.escort', 'letter.workerContact.name', 'letter.workerContact.phone'],
  PaymentGuaranteeRecorded: ['guarantee.reference'],
  RsjReferralAccepted: [],
  RsjReferralDeclined: ['note'],
  RsjReferralRedirected: [],
  RsjReferralWithdrawn: ['reason'],
  ReferralMovedToOffice: [],
  PatientAdmitted: ['hospitalRecordNumber'],
  TreatmentNoteRecorded: ['note'],
  PatientDischarged: ['medicationPlan', 'summary'],
  PatientAbsconded: ['lastSeen'],
  PersonDied: ['place', 'certificateReference'],
};

export const REFERRAL_EVENT_DEFINITIONS: readonly EventDefinition[] = Object.entries(PERSONAL_FIELDS).map(
  ([type, personalFields]) => ({ type, schemaVersion: 1, personalFields }),
);
