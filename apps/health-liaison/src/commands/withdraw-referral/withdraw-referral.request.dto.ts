import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class WithdrawReferralRequest {
  /** Free text about the person (e.g. the family was found): sealed as personal data. */
  @IsString() @Length(1, 2000) reason!: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
