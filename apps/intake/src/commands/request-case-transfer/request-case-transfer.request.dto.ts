import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_ID } from '../../application/request-fields';

export class RequestCaseTransferRequest {
  /** The Dinas Sosial asked to take the case over, e.g. that of the region of origin. */
  @Matches(AGENCY_ID, { message: 'toOfficeId must be an agency id' }) toOfficeId!: string;
  /** Why the case belongs there: origin, where the family lives, evidence. */
  @IsString() @Length(1, 2000) reason!: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
