import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { PaymentGuaranteeDto } from '../../application/payment-guarantee.dto';
import { ReferralLetterDto } from '../../application/referral-letter.dto';
import { AGENCY_ID } from '../../application/request-fields';
import { URGENCIES, type Urgency } from '../../domain/referral/referral.vocabulary';

export class RequestReferralRequest {
  @IsUUID() caseId!: string;
  @IsUUID() personId!: string;
  @Matches(AGENCY_ID, { message: 'rsjId must be an agency id' }) rsjId!: string;
  @IsIn(URGENCIES) urgency!: Urgency;
  @IsDefined() @ValidateNested() @Type(() => PaymentGuaranteeDto) guarantee!: PaymentGuaranteeDto;
  @IsOptional() @ValidateNested() @Type(() => ReferralLetterDto) letter?: ReferralLetterDto;
  /** A panti resident who relapsed: the placement they go back to after discharge. */
  @IsOptional() @IsUUID() returnToPlacementId?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
