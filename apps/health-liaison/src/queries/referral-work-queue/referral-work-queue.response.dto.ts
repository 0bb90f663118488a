import { ApiProperty } from '@nestjs/swagger';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../domain/referral/referral.state';
import {
  DECLINE_REASONS,
  DISCHARGE_RECOMMENDATIONS,
  GUARANTEE_KINDS,
  URGENCIES,
  type DeclineReason,
  type DischargeRecommendation,
  type GuaranteeKind,
  type Urgency,
} from '../../domain/referral/referral.vocabulary';

const UUID = { type: String, format: 'uuid' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;

/** A referral in a work queue: ids, codes and times only; the letter and clinical fields are in its details. */
export class QueuedReferralView {
  @ApiProperty(UUID) referralId!: string;
  @ApiProperty(UUID) caseId!: string;
  @ApiProperty(UUID) personId!: string;
  /** The Dinas Sosial office that owns the case now. */
  @ApiProperty({ type: String }) officeId!: string;
  @ApiProperty({ type: String }) rsjId!: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiProperty({ enum: URGENCIES }) urgency!: Urgency;
  /** The kind of the payment guarantee as last recorded. */
  @ApiProperty({ enum: GUARANTEE_KINDS }) guaranteeKind!: GuaranteeKind;
  /** Whether the office has sent the referral letter. */
  @ApiProperty({ type: Boolean }) hasLetter!: boolean;
  /** A panti resident who relapsed: the placement they go back to after discharge. */
  @ApiProperty({ ...UUID, nullable: true }) returnToPlacementId!: string | null;
  /** The declined referral this one re-refers. */
  @ApiProperty({ ...UUID, nullable: true }) redirectedFrom!: string | null;
  /** The referral the office made instead of this declined one. */
  @ApiProperty({ ...UUID, nullable: true }) redirectedTo!: string | null;
  @ApiProperty(DATE_TIME) requestedAt!: Date;
  /** When the RSJ accepted or declined. */
  @ApiProperty({ ...DATE_TIME, nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ enum: DECLINE_REASONS, nullable: true }) declineReason!: DeclineReason | null;
  /** The day the accepting RSJ expects the person, when it said. */
  @ApiProperty({ type: String, format: 'date', nullable: true }) expectedAdmissionOn!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) admittedAt!: Date | null;
  /** When it was redirected, withdrawn or discharged, or the patient absconded or died. */
  @ApiProperty({ ...DATE_TIME, nullable: true }) endedAt!: Date | null;
  @ApiProperty({ enum: DISCHARGE_RECOMMENDATIONS, nullable: true })
  dischargeRecommendation!: DischargeRecommendation | null;
}

/** The caller's work queue: most urgent first, then oldest; at most 500. */
export class ReferralWorkQueueResponse {
  @ApiProperty({ type: [QueuedReferralView], maxItems: 500 }) referrals!: QueuedReferralView[];
}
