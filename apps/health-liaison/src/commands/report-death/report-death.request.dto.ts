import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class ReportDeathRequest {
  /** The time of death, if known; else the time of the report. */
  @IsOptional() @IsISO8601() occurredAt?: string;
  /** Sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 500) place?: string;
  /** The death certificate's number: sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 100) certificateReference?: string;
}
