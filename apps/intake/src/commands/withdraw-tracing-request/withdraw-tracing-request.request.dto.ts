import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class WithdrawTracingRequestRequest {
  /** Why the family stops looking, in their words. Personal data. */
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
