import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_ID } from '../../application/request-fields';
import { RELAPSE_REPORTERS, type RelapseReporter } from '../../domain/placement/placement.vocabulary';

export class ReportRelapseRequest {
  /** The RSJ the resident goes to: health-liaison refers them there. */
  @Matches(AGENCY_ID, { message: 'rsjId must be an agency id' }) rsjId!: string;
  /** The signs observed: health data, sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 4000) signs?: string;
  /** Who noticed; absent: the panti, or the family when an office reports it. */
  @IsOptional() @IsIn(RELAPSE_REPORTERS) reportedBy?: RelapseReporter;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
