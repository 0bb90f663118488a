import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class RejectTracingMatchRequest {
  /** Why the candidate is not the relative. Personal data. */
  @IsString() @Length(1, 2000) reason!: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
