import { IsISO8601, IsOptional } from 'class-validator';

export class ReturnAbscondedResidentRequest {
  @IsOptional() @IsISO8601() occurredAt?: string;
}
