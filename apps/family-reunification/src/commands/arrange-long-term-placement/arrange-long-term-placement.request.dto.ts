import { IsIn, IsOptional, Matches } from 'class-validator';
import { AGENCY_ID, CALENDAR_DATE, FieldTimeRequest } from '../../application/request-fields';
import { LONG_TERM_REASONS, type LongTermReason } from '../../domain/reunification/reunification.vocabulary';

export class ArrangeLongTermPlacementRequest extends FieldTimeRequest {
  @Matches(AGENCY_ID, { message: 'pantiId must be an agency id such as panti-bina-laras-kediri' }) pantiId!: string;
  @IsIn(LONG_TERM_REASONS) reason!: LongTermReason;
  /** When to look at the placement again (YYYY-MM-DD). */
  @IsOptional() @Matches(CALENDAR_DATE, { message: 'reviewOn must be a date such as 2026-03-01' }) reviewOn?: string;
}
