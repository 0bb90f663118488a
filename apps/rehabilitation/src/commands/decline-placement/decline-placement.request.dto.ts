import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { DECLINE_REASONS, type DeclineReason } from '../../domain/placement/placement.vocabulary';

export class DeclinePlacementRequest {
  @IsIn(DECLINE_REASONS) reason!: DeclineReason;
  /** The panti's explanation: sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
