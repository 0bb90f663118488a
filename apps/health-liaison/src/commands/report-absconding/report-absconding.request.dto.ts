import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class ReportAbscondingRequest {
  /** Where and how the patient was last seen: sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 2000) lastSeen?: string;
  /** When the patient was found gone, if not now. */
  @IsOptional() @IsISO8601() occurredAt?: string;
}
