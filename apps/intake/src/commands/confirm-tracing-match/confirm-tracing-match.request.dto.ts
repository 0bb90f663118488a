import { IsISO8601, IsOptional } from 'class-validator';

export class ConfirmTracingMatchRequest {
  @IsOptional() @IsISO8601() occurredAt?: string;
}
