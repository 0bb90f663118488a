import { accessRecordedContract } from '../admin/access-records.contracts';
import { redeliveryRequestedContract } from '../admin/redelivery.contracts';
import { defineContract } from '../contract';
import { agencyId, date, instant, oneOf, record, regionCode, uuid } from '../schema/vocabulary';

/** What family-reunification tells the other services: families traced, persons home, cases closed. */
export const FAMILY_REUNIFICATION_TOPIC = 'lintas.family-reunification.events';
const source = { topic: FAMILY_REUNIFICATION_TOPIC, version: 1 } as const;

export const CASE_OUTCOMES = ['reunified', 'long-term-placement', 'died', 'lost-to-follow-up', 'transferred'] as const;

const reunification = { reunificationId: uuid, caseId: uuid, personId: uuid, officeId: agencyId };
interface Reunification {
  reunificationId: string;
  caseId: string;
  personId: string;
  /** The Dinas Sosial that owns the case now. */
  officeId: string;
}

export const TRACING_TRIGGERS = [
  'assessment',
  'rsj-discharge',
  'rehabilitation-terminated',
  'tracing-match',
  'office',
] as const;

/**
 * The search for a person's family began: caused by the hand-over that started it (an assessment,
 * a discharge, the end of rehabilitation, a family's tracing request confirmed), or by the office.
 */
export interface FamilyTracingStartedV1 extends Reunification {
  startedFrom: (typeof TRACING_TRIGGERS)[number];
  at: string;
}
export const FamilyTracingStartedV1 = defineContract<FamilyTracingStartedV1>({
  ...source,
  name: 'id.lintas.family-reunification.family-tracing.started',
  schema: record({ ...reunification, startedFrom: oneOf(TRACING_TRIGGERS), at: instant }),
});

export interface FamilyTracedV1 extends Reunification {
  regionCode: string;
}
export const FamilyTracedV1 = defineContract<FamilyTracedV1>({
  ...source,
  name: 'id.lintas.family-reunification.family.traced',
  schema: record({ ...reunification, regionCode }),
});

export type FamilyNotFoundV1 = Reunification;
export const FamilyNotFoundV1 = defineContract<FamilyNotFoundV1>({
  ...source,
  name: 'id.lintas.family-reunification.family.not-found',
  schema: record(reunification),
});

export type FamilyDeclinedReturnV1 = Reunification;
export const FamilyDeclinedReturnV1 = defineContract<FamilyDeclinedReturnV1>({
  ...source,
  name: 'id.lintas.family-reunification.family.declined-return',
  schema: record(reunification),
});

export interface TransferredToRegionOfOriginV1 extends Reunification {
  toOfficeId: string;
  at: string;
}
export const TransferredToRegionOfOriginV1 = defineContract<TransferredToRegionOfOriginV1>({
  ...source,
  name: 'id.lintas.family-reunification.person.transferred-to-origin',
  schema: record({ ...reunification, toOfficeId: agencyId, at: instant }),
});

export interface ReunificationCompletedV1 extends Reunification {
  at: string;
}
export const ReunificationCompletedV1 = defineContract<ReunificationCompletedV1>({
  ...source,
  name: 'id.lintas.family-reunification.reunification.completed',
  schema: record({ ...reunification, at: instant }),
});

/** No family can take the person: rehabilitation receives a long-term placement request. */
export interface LongTermPlacementArrangedV1 extends Reunification {
  pantiId: string;
  reason: 'no-family' | 'family-unable';
}
export const LongTermPlacementArrangedV1 = defineContract<LongTermPlacementArrangedV1>({
  ...source,
  name: 'id.lintas.family-reunification.long-term-placement.arranged',
  schema: record({ ...reunification, pantiId: agencyId, reason: oneOf(['no-family', 'family-unable']) }),
});

export interface FollowUpVisitCompletedV1 extends Reunification {
  visit: number;
  at: string;
}
export const FollowUpVisitCompletedV1 = defineContract<FollowUpVisitCompletedV1>({
  ...source,
  name: 'id.lintas.family-reunification.follow-up.completed',
  schema: record({ ...reunification, visit: { type: 'integer', minimum: 1 }, at: instant }),
});

/** A follow-up visit was not made by its due day: the owning office and the puskesmas should know. */
export interface FollowUpMissedV1 extends Reunification {
  visit: number;
  dueOn: string;
}
export const FollowUpMissedV1 = defineContract<FollowUpMissedV1>({
  ...source,
  name: 'id.lintas.family-reunification.follow-up.missed',
  schema: record({ ...reunification, visit: { type: 'integer', minimum: 1 }, dueOn: date }),
});

export interface CaseClosedV1 extends Reunification {
  outcome: (typeof CASE_OUTCOMES)[number];
  at: string;
}
export const CaseClosedV1 = defineContract<CaseClosedV1>({
  ...source,
  name: 'id.lintas.family-reunification.case.closed',
  schema: record({ ...reunification, outcome: oneOf(CASE_OUTCOMES), at: instant }),
});

export const COMPLAINT_KINDS = ['delay', 'treatment', 'not-returned', 'other'] as const;
export const COMPLAINT_SUBJECT_TYPES = ['case', 'referral', 'placement', 'tracing-request', 'agency'] as const;

/**
 * A family's complaint (pengaduan), filed through an agency and routed to the one responsible, to
 * answer by `answerBy` (YYYY-MM-DD). Its text and the answer stay in family-reunification.
 */
export interface ComplaintFiledV1 {
  complaintId: string;
  /** The person it is about, or an id standing for the complainant when it is about a service alone. */
  personId: string;
  kind: (typeof COMPLAINT_KINDS)[number];
  subjectType: (typeof COMPLAINT_SUBJECT_TYPES)[number];
  filedBy: string;
  routedTo: string;
  answerBy: string;
  at: string;
}
export const ComplaintFiledV1 = defineContract<ComplaintFiledV1>({
  ...source,
  name: 'id.lintas.family-reunification.complaint.filed',
  schema: record({
    complaintId: uuid,
    personId: uuid,
    kind: oneOf(COMPLAINT_KINDS),
    subjectType: oneOf(COMPLAINT_SUBJECT_TYPES),
    filedBy: agencyId,
    routedTo: agencyId,
    answerBy: date,
    at: instant,
  }),
});

export interface ComplaintAnsweredV1 {
  complaintId: string;
  personId: string;
  answeredBy: string;
  at: string;
}
export const ComplaintAnsweredV1 = defineContract<ComplaintAnsweredV1>({
  ...source,
  name: 'id.lintas.family-reunification.complaint.answered',
  schema: record({ complaintId: uuid, personId: uuid, answeredBy: agencyId, at: instant }),
});

/** Unanswered past its deadline: routed on to the addressee's parent office, with a new deadline. */
export interface ComplaintEscalatedV1 {
  complaintId: string;
  personId: string;
  fromAgencyId: string;
  routedTo: string;
  answerBy: string;
  at: string;
}
export const ComplaintEscalatedV1 = defineContract<ComplaintEscalatedV1>({
  ...source,
  name: 'id.lintas.family-reunification.complaint.escalated',
  schema: record({
    complaintId: uuid,
    personId: uuid,
    fromAgencyId: agencyId,
    routedTo: agencyId,
    answerBy: date,
    at: instant,
  }),
});

export interface ComplaintClosedV1 {
  complaintId: string;
  personId: string;
  outcome: 'resolved' | 'withdrawn';
  at: string;
}
export const ComplaintClosedV1 = defineContract<ComplaintClosedV1>({
  ...source,
  name: 'id.lintas.family-reunification.complaint.closed',
  schema: record({ complaintId: uuid, personId: uuid, outcome: oneOf(['resolved', 'withdrawn']), at: instant }),
});

/** An admin had family-reunification publish some of its events again (POST /admin/redeliveries). */
export const FamilyReunificationRedeliveryRequestedV1 = redeliveryRequestedContract(
  'family-reunification',
  FAMILY_REUNIFICATION_TOPIC,
);

/** Each read of people's data in family-reunification, and each refusal, for the ledger (on its own topic). */
export const FamilyReunificationAccessRecordedV1 = accessRecordedContract('family-reunification');

export const FAMILY_REUNIFICATION_CONTRACTS = [
  FamilyTracingStartedV1,
  FamilyTracedV1,
  FamilyNotFoundV1,
  FamilyDeclinedReturnV1,
  TransferredToRegionOfOriginV1,
  ReunificationCompletedV1,
  LongTermPlacementArrangedV1,
  FollowUpVisitCompletedV1,
  FollowUpMissedV1,
  CaseClosedV1,
  ComplaintFiledV1,
  ComplaintAnsweredV1,
  ComplaintEscalatedV1,
  ComplaintClosedV1,
  FamilyReunificationRedeliveryRequestedV1,
  FamilyReunificationAccessRecordedV1,
] as const;
