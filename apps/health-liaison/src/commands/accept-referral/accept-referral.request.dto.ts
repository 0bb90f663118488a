import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { CALENDAR_DATE } from '../../application/request-fields';

export class AcceptReferralRequest {
  /** The day the RSJ expects the person, YYYY-MM-DD. */
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'expectedAdmissionOn must be a date, YYYY-MM-DD' })
  expectedAdmissionOn?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
