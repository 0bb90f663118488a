import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { AGENCY_ID } from '../../application/request-fields';

export class RedirectReferralRequest {
  /** The RSJ the person is referred to now. */
  @Matches(AGENCY_ID, { message: 'toRsjId must be an agency id' }) toRsjId!: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
