import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { AGENCY_ID, FieldTimeRequest } from '../../application/request-fields';

export class TransferToRegionOfOriginRequest extends FieldTimeRequest {
  @Matches(AGENCY_ID, { message: 'toOfficeId must be an agency id such as dinsos-3571' }) toOfficeId!: string;
  /** Who escorted the person. Personal data. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(500) escort?: string;
  /** Who at the receiving office took the person over. Personal data. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(500) handedTo?: string;
}
