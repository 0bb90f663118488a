import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErasedValue, personal } from '@lintas/platform/http/openapi/personal-data.schema';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../domain/referral/referral.state';
import {
  DECLINE_REASONS,
  DISCHARGE_RECOMMENDATIONS,
  DISCHARGE_TYPES,
  GUARANTEE_KINDS,
  URGENCIES,
  type DeclineReason,
  type DischargeRecommendation,
  type DischargeType,
  type GuaranteeKind,
  type Urgency,
} from '../../domain/referral/referral.vocabulary';

const UUID = { type: String, format: 'uuid' } as const;
const DATE = { type: String, format: 'date' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;

/** Who pays the stay, as last recorded. */
@ApiExtraModels(ErasedValue)
export class ReferralGuarantee {
  @ApiProperty({ enum: GUARANTEE_KINDS }) kind!: GuaranteeKind;
  /** The BPJS card, Jamkesda, SKTM or letter number, once known. */
  @ApiPropertyOptional(personal({ type: 'string' })) reference?: string | ErasedValue;
  @ApiPropertyOptional({ type: String }) issuer?: string;
  /** The last day the guarantee covers. */
  @ApiPropertyOptional(DATE) validUntil?: string;
}

/** The social worker the RSJ calls about this person. */
@ApiExtraModels(ErasedValue)
export class ReferralWorkerContact {
  @ApiProperty(personal({ type: 'string' })) name!: string | ErasedValue;
  @ApiProperty(personal({ type: 'string' })) phone!: string | ErasedValue;
}

/** The referral letter (surat rujukan). */
@ApiExtraModels(ErasedValue)
export class ReferralLetterView {
  /** Why the person is referred, in the worker's words. */
  @ApiProperty(personal({ type: 'string' })) reason!: string | ErasedValue;
  /** Who brings the person. */
  @ApiPropertyOptional(personal({ type: 'string' })) escort?: string | ErasedValue;
  @ApiProperty({ type: ReferralWorkerContact }) workerContact!: ReferralWorkerContact;
}

/** The referral the office made instead of this declined one. */
export class ReferralRedirection {
  @ApiProperty(UUID) referralId!: string;
  @ApiProperty({ type: String }) rsjId!: string;
}

/** The RSJ's answer to the request. */
@ApiExtraModels(ErasedValue)
export class ReferralDecision {
  @ApiProperty({ enum: ['accepted', 'declined'] }) outcome!: 'accepted' | 'declined';
  @ApiProperty(DATE_TIME) at!: string;
  /** Accepted: the day the RSJ expects the person, when it said. */
  @ApiPropertyOptional(DATE) expectedAdmissionOn?: string;
  /** Declined: why. */
  @ApiPropertyOptional({ enum: DECLINE_REASONS }) reason?: DeclineReason;
  /** Declined: the RSJ's explanation, when it gave one. */
  @ApiPropertyOptional(personal({ type: 'string' })) note?: string | ErasedValue;
}

@ApiExtraModels(ErasedValue)
export class ReferralAdmission {
  @ApiProperty(DATE_TIME) admittedAt!: string;
  @ApiProperty({ type: String }) ward!: string;
  /** The RSJ's own medical record number. */
  @ApiProperty(personal({ type: 'string' })) hospitalRecordNumber!: string | ErasedValue;
}

@ApiExtraModels(ErasedValue)
export class ReferralDischarge {
  @ApiProperty(DATE_TIME) dischargedAt!: string;
  @ApiProperty({ enum: DISCHARGE_TYPES }) dischargeType!: DischargeType;
  @ApiProperty({ enum: DISCHARGE_RECOMMENDATIONS }) recommendation!: DischargeRecommendation;
  /** With the `panti` recommendation: the panti the person goes to. */
  @ApiPropertyOptional({ type: String }) pantiId?: string;
  /** A panti resident who relapsed: the placement they go back to. */
  @ApiPropertyOptional(UUID) returnToPlacementId?: string;
  @ApiProperty(personal({ type: 'string' })) medicationPlan!: string | ErasedValue;
  /** What the next carer needs to know. */
  @ApiPropertyOptional(personal({ type: 'string' })) summary?: string | ErasedValue;
  @ApiPropertyOptional(DATE) nextControlDate?: string;
}

/** How an open referral ended other than by discharge. */
@ApiExtraModels(ErasedValue)
export class ReferralEnding {
  @ApiProperty({ enum: ['withdrawn', 'absconded', 'died'] }) kind!: 'withdrawn' | 'absconded' | 'died';
  @ApiProperty(DATE_TIME) at!: string;
  /** Withdrawn: the office's reason; absconded: where the patient was last seen; died: the place, when given. */
  @ApiPropertyOptional(personal({ type: 'string' })) detail?: string | ErasedValue;
}

@ApiExtraModels(ErasedValue)
export class ReferralTreatmentNote {
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty(personal({ type: 'string' })) note!: string | ErasedValue;
}

/** A referral folded from its stream: the RSJ sees its clinical notes too, the office does not. */
export class ReferralDetailsResponse {
  @ApiProperty(UUID) referralId!: string;
  @ApiProperty(UUID) caseId!: string;
  @ApiProperty(UUID) personId!: string;
  /** The Dinas Sosial office that owns the case now. */
  @ApiProperty({ type: String }) officeId!: string;
  /** The RSJ the referral is addressed to. */
  @ApiProperty({ type: String }) rsjId!: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiProperty({ enum: URGENCIES }) urgency!: Urgency;
  @ApiProperty({ type: ReferralGuarantee }) guarantee!: ReferralGuarantee;
  /** Null until the office sends it. */
  @ApiProperty({ type: ReferralLetterView, nullable: true }) letter!: ReferralLetterView | null;
  @ApiProperty(DATE_TIME) requestedAt!: string;
  /** A panti resident who relapsed: the placement they go back to after discharge. */
  @ApiProperty({ ...UUID, nullable: true }) returnToPlacementId!: string | null;
  /** The declined referral this one re-refers. */
  @ApiProperty({ ...UUID, nullable: true }) redirectedFromReferralId!: string | null;
  /** Once the office sent the declined person elsewhere. */
  @ApiProperty({ type: ReferralRedirection, nullable: true }) redirectedTo!: ReferralRedirection | null;
  /** Null until the RSJ accepts or declines. */
  @ApiProperty({ type: ReferralDecision, nullable: true }) decision!: ReferralDecision | null;
  @ApiProperty({ type: ReferralAdmission, nullable: true }) admission!: ReferralAdmission | null;
  @ApiProperty({ type: ReferralDischarge, nullable: true }) discharge!: ReferralDischarge | null;
  /** Withdrawn, absconded or died. */
  @ApiProperty({ type: ReferralEnding, nullable: true }) ending!: ReferralEnding | null;
  /** To the RSJ only, oldest first: clinical notes are not the office's to read. */
  @ApiPropertyOptional({ type: [ReferralTreatmentNote] }) treatmentNotes?: ReferralTreatmentNote[];
  /** The referral stream's version: the ETag to send back as If-Match. */
  @ApiProperty({ type: 'integer', minimum: 0 }) version!: number;
}
