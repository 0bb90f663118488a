import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { DECLINE_REASONS, type DeclineReason } from '../../domain/referral/referral.vocabulary';

export class DeclineReferralRequest {
  @IsIn(DECLINE_REASONS) reason!: DeclineReason;
  /** Required with `other`; free text, sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
