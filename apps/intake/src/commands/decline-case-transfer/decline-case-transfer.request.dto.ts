import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class DeclineCaseTransferRequest {
  @IsString() @Length(1, 2000) reason!: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
