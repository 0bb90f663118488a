import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { REVIEW_VERDICTS, type ReviewVerdict } from '../../domain/emergency-access/emergency-access.events';

export class ReviewEmergencyAccessRequest {
  /** Whether the emergency was real: an unjustified one is for the agency's supervisors to take up. */
  @IsIn(REVIEW_VERDICTS) verdict!: ReviewVerdict;
  /** Sealed as the person's data. */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}
