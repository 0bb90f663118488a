import { accessRecordedContract } from '../admin/access-records.contracts';
import { redeliveryRequestedContract } from '../admin/redelivery.contracts';
import { defineContract } from '../contract';
import { agencyId, date, instant, oneOf, record, uuid } from '../schema/vocabulary';

/** What health-liaison tells the other services: referrals to an RSJ and their outcome. */
export const HEALTH_LIAISON_TOPIC = 'lintas.health-liaison.events';
const source = { topic: HEALTH_LIAISON_TOPIC, version: 1 } as const;

export const GUARANTEE_KINDS = ['bpjs-pbi', 'bpjs', 'jamkesda', 'sktm', 'dinas-sosial-letter'] as const;
export const DECLINE_REASONS = ['no-bed', 'not-indicated', 'no-guarantee', 'other'] as const;
export const DISCHARGE_RECOMMENDATIONS = ['panti', 'family', 'outpatient'] as const;
export type DischargeRecommendation = (typeof DISCHARGE_RECOMMENDATIONS)[number];

const referral = { referralId: uuid, caseId: uuid, personId: uuid, rsjId: agencyId };
interface Referral {
  referralId: string;
  caseId: string;
  personId: string;
  rsjId: string;
}

export interface RsjReferralRequestedV1 extends Referral {
  officeId: string;
  guaranteeKind: (typeof GUARANTEE_KINDS)[number];
  /** Set when a panti resident relapsed: the placement they return to after discharge. */
  returnToPlacementId?: string;
}
export const RsjReferralRequestedV1 = defineContract<RsjReferralRequestedV1>({
  ...source,
  name: 'id.lintas.health-liaison.rsj-referral.requested',
  schema: record(
    { ...referral, officeId: agencyId, guaranteeKind: oneOf(GUARANTEE_KINDS) },
    { returnToPlacementId: uuid },
  ),
});

export type RsjReferralAcceptedV1 = Referral;
export const RsjReferralAcceptedV1 = defineContract<RsjReferralAcceptedV1>({
  ...source,
  name: 'id.lintas.health-liaison.rsj-referral.accepted',
  schema: record(referral),
});

export interface RsjReferralDeclinedV1 extends Referral {
  reason: (typeof DECLINE_REASONS)[number];
}
export const RsjReferralDeclinedV1 = defineContract<RsjReferralDeclinedV1>({
  ...source,
  name: 'id.lintas.health-liaison.rsj-referral.declined',
  schema: record({ ...referral, reason: oneOf(DECLINE_REASONS) }),
});

/** The office took its referral back before admission: the RSJ no longer expects the person. */
export type RsjReferralWithdrawnV1 = Referral;
export const RsjReferralWithdrawnV1 = defineContract<RsjReferralWithdrawnV1>({
  ...source,
  name: 'id.lintas.health-liaison.rsj-referral.withdrawn',
  schema: record(referral),
});

export interface PatientAdmittedV1 extends Referral {
  admittedAt: string;
}
export const PatientAdmittedV1 = defineContract<PatientAdmittedV1>({
  ...source,
  name: 'id.lintas.health-liaison.patient.admitted',
  schema: record({ ...referral, admittedAt: instant }),
});

export interface PatientDischargedV1 extends Referral {
  officeId: string;
  dischargedAt: string;
  recommendation: DischargeRecommendation;
  /** The panti recommended; with returnToPlacementId, the placement the resident goes back to. */
  pantiId?: string;
  returnToPlacementId?: string;
  nextControlDate?: string;
}
export const PatientDischargedV1 = defineContract<PatientDischargedV1>({
  ...source,
  name: 'id.lintas.health-liaison.patient.discharged',
  schema: record(
    { ...referral, officeId: agencyId, dischargedAt: instant, recommendation: oneOf(DISCHARGE_RECOMMENDATIONS) },
    { pantiId: agencyId, returnToPlacementId: uuid, nextControlDate: date },
  ),
});

export interface PatientAbscondedV1 extends Referral {
  at: string;
}
export const PatientAbscondedV1 = defineContract<PatientAbscondedV1>({
  ...source,
  name: 'id.lintas.health-liaison.patient.absconded',
  schema: record({ ...referral, at: instant }),
});

/** Death ends every open flow of the person, in every service. */
export interface PersonDiedV1 {
  personId: string;
  caseId: string;
  at: string;
  reportedBy: string;
}
export const PersonDiedV1 = defineContract<PersonDiedV1>({
  ...source,
  name: 'id.lintas.health-liaison.person.died',
  schema: record({ personId: uuid, caseId: uuid, at: instant, reportedBy: agencyId }),
});

/** An admin had health-liaison publish some of its events again (POST /admin/redeliveries). */
export const HealthLiaisonRedeliveryRequestedV1 = redeliveryRequestedContract('health-liaison', HEALTH_LIAISON_TOPIC);

/** Each read of people's data in health-liaison, and each refusal, for the ledger (on its own topic). */
export const HealthLiaisonAccessRecordedV1 = accessRecordedContract('health-liaison');

export const HEALTH_LIAISON_CONTRACTS = [
  RsjReferralRequestedV1,
  RsjReferralAcceptedV1,
  RsjReferralDeclinedV1,
  RsjReferralWithdrawnV1,
  PatientAdmittedV1,
  PatientDischargedV1,
  PatientAbscondedV1,
  PersonDiedV1,
  HealthLiaisonRedeliveryRequestedV1,
  HealthLiaisonAccessRecordedV1,
] as const;
