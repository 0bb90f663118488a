import { IsOptional, Matches } from 'class-validator';
import { CALENDAR_DATE } from '../../application/request-fields';

export class FollowUpsDueQuery {
  /** Only visits due on or before this date (YYYY-MM-DD); all pending visits when absent. */
  @IsOptional() @Matches(CALENDAR_DATE, { message: 'until must be a date such as 2025-07-01' }) until?: string;
}
