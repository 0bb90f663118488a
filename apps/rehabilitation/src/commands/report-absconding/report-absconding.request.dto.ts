import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class ReportAbscondingRequest {
  /** When the resident was last seen: the time of the absconding. */
  @IsOptional() @IsISO8601() lastSeenAt?: string;
  /** Where and how: sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 2000) lastSeen?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
