/**
 * The integration events the indicators read, by their contract type (name and version, as the
 * ledger keeps them in `type`). The domain is pure, so the types are written out here; a spec
 * checks each against its contract in libs/contracts. A new version of a contract is read only
 * once it is added here.
 */
export const EVENT = {
  pickupReported: 'id.lintas.intake.pickup.reported.v1',
  personHandedOver: 'id.lintas.intake.person.handed-over.v1',
  intakeRegistered: 'id.lintas.intake.case.registered.v1',
  personIdentified: 'id.lintas.intake.person.identified.v1',
  personsLinked: 'id.lintas.intake.persons.linked.v1',
  assessmentCompleted: 'id.lintas.intake.assessment.completed.v1',
  caseTransferAccepted: 'id.lintas.intake.case-transfer.accepted.v1',
  tracingRequestRegistered: 'id.lintas.intake.tracing-request.registered.v1',
  tracingRequestClosed: 'id.lintas.intake.tracing-request.closed.v1',
  tracingMatchProposed: 'id.lintas.intake.tracing-match.proposed.v1',
  tracingMatchConfirmed: 'id.lintas.intake.tracing-match.confirmed.v1',
  tracingMatchRejected: 'id.lintas.intake.tracing-match.rejected.v1',
  rsjReferralRequested: 'id.lintas.health-liaison.rsj-referral.requested.v1',
  rsjReferralDeclined: 'id.lintas.health-liaison.rsj-referral.declined.v1',
  patientAdmitted: 'id.lintas.health-liaison.patient.admitted.v1',
  patientDischarged: 'id.lintas.health-liaison.patient.discharged.v1',
  placementRequested: 'id.lintas.rehabilitation.placement.requested.v1',
  placementDeclined: 'id.lintas.rehabilitation.placement.declined.v1',
  placedInPanti: 'id.lintas.rehabilitation.placement.admitted.v1',
  rehabilitationTerminated: 'id.lintas.rehabilitation.rehabilitation.terminated.v1',
  reunificationCompleted: 'id.lintas.family-reunification.reunification.completed.v1',
  followUpCompleted: 'id.lintas.family-reunification.follow-up.completed.v1',
  followUpMissed: 'id.lintas.family-reunification.follow-up.missed.v1',
  caseClosed: 'id.lintas.family-reunification.case.closed.v1',
  complaintFiled: 'id.lintas.family-reunification.complaint.filed.v1',
  complaintAnswered: 'id.lintas.family-reunification.complaint.answered.v1',
  complaintEscalated: 'id.lintas.family-reunification.complaint.escalated.v1',
  complaintClosed: 'id.lintas.family-reunification.complaint.closed.v1',
} as const;

export type IndicatorEventType = (typeof EVENT)[keyof typeof EVENT];

/** Every type the indicators read: what the query loads from the ledger, and nothing else. */
export const INDICATOR_EVENT_TYPES: readonly IndicatorEventType[] = Object.values(EVENT);

/**
 * One step of the ledger as the indicators see it: whose, which contract, when, and the event's
 * data as its contract defines it (ids, codes, reasons and times; no names).
 */
export interface LedgerStep {
  /** The person the event is about (the CloudEvent's subject); the data's `personId` when absent. */
  personId: string | null;
  type: string;
  /** When it happened, as the publisher said (the ledger's `occurred_at`), ISO 8601. */
  occurredAt: string;
  data: unknown;
}
