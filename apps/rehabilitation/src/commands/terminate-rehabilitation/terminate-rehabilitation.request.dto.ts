import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { TERMINATION_REASONS, type TerminationReason } from '../../domain/placement/placement.vocabulary';

export class TerminateRehabilitationRequest {
  @IsIn(TERMINATION_REASONS) reason!: TerminationReason;
  /** For the follow-up (bimbingan lanjut): sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 4000) recommendations?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
