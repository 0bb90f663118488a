import { ArrayMaxSize, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { AGENCY_ID } from '../../application/request-fields';

export class HandOverPersonRequest {
  /** The receiving Dinas Sosial, e.g. 'dinsos-3507'. */
  @Matches(AGENCY_ID, { message: 'officeId must be an agency id' }) officeId!: string;
  /** Staff reference of who received the person. */
  @IsOptional() @IsString() @Length(1, 100) receivedBy?: string;
  @IsOptional() @IsString() @Length(1, 2000) conditionOnReceipt?: string;
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  belongingsHandedOver?: string[];
  /** The shelter (rumah singgah) the person goes to. */
  @IsOptional() @IsString() @Length(1, 500) shelter?: string;
  /** When the person was received, if not now. */
  @IsOptional() @IsISO8601() occurredAt?: string;
}
