import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { WITHDRAWAL_REASONS, type WithdrawalReason } from '../../domain/placement/placement.vocabulary';

export class WithdrawPlacementRequestRequest {
  @IsIn(WITHDRAWAL_REASONS) reason!: WithdrawalReason;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
