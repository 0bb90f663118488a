import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsOptional, ValidateNested } from 'class-validator';
import { ReferralLetterDto } from '../../application/referral-letter.dto';

export class SendReferralLetterRequest {
  @IsDefined() @ValidateNested() @Type(() => ReferralLetterDto) letter!: ReferralLetterDto;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
