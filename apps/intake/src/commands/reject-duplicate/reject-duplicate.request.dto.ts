import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class RejectDuplicateRequest {
  /** Why the proposed person is another one (sealed as personal data). */
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
