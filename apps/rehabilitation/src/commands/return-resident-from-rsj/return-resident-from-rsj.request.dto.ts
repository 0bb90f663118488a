import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { AGENCY_ID } from '../../application/request-fields';

export class ReturnResidentFromRsjRequest {
  /** The RSJ that discharged the resident. */
  @IsOptional() @Matches(AGENCY_ID, { message: 'rsjId must be an agency id' }) rsjId?: string;
  @IsOptional() @IsUUID() referralId?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
