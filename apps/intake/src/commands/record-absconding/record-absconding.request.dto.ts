import { IsISO8601, IsOptional } from 'class-validator';

export class RecordAbscondingRequest {
  /** When the person was last seen at the shelter; now when absent. */
  @IsOptional() @IsISO8601() lastSeenAt?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
