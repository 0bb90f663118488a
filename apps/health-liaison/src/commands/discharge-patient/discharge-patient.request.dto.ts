import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_ID, CALENDAR_DATE } from '../../application/request-fields';
import {
  DISCHARGE_RECOMMENDATIONS,
  DISCHARGE_TYPES,
  type DischargeRecommendation,
  type DischargeType,
} from '../../domain/referral/referral.vocabulary';

export class DischargePatientRequest {
  @IsIn(DISCHARGE_TYPES) dischargeType!: DischargeType;
  @IsIn(DISCHARGE_RECOMMENDATIONS) recommendation!: DischargeRecommendation;
  /** Required with the `panti` recommendation, refused with the others. */
  @IsOptional() @Matches(AGENCY_ID, { message: 'pantiId must be an agency id' }) pantiId?: string;
  /** Clinical: sealed as personal data. */
  @IsString() @Length(1, 4000) medicationPlan!: string;
  /** What the next carer needs to know: sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 8000) summary?: string;
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'nextControlDate must be a date, YYYY-MM-DD' })
  nextControlDate?: string;
  /** When the patient left, if not now. */
  @IsOptional() @IsISO8601() occurredAt?: string;
}
