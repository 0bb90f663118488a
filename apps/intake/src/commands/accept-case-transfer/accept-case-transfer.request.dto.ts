import { IsISO8601, IsOptional } from 'class-validator';

export class AcceptCaseTransferRequest {
  @IsOptional() @IsISO8601() occurredAt?: string;
}
