import { IsIn } from 'class-validator';
import { FieldTimeRequest } from '../../application/request-fields';
import { CASE_OUTCOMES, type CaseOutcome } from '../../domain/reunification/reunification.vocabulary';

export class CloseCaseRequest extends FieldTimeRequest {
  @IsIn(CASE_OUTCOMES) outcome!: CaseOutcome;
}
