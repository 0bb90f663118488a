import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { CASE_OUTCOMES, type CaseOutcome } from '../../domain/case/case.vocabulary';

export class CloseCaseRequest {
  @IsIn(CASE_OUTCOMES) outcome!: CaseOutcome;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
