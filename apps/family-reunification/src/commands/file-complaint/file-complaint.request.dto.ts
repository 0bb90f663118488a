import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FAMILY_CHANNELS, type FamilyChannel } from '@lintas/domain-kernel/family-channel';
import { AGENCY_ID, FieldTimeRequest, TEXT_MAX } from '../../application/request-fields';
import {
  COMPLAINT_KINDS,
  COMPLAINT_SUBJECT_TYPES,
  type ComplaintKind,
  type ComplaintSubject,
} from '../../domain/complaint/complaint.vocabulary';

/** What is complained of, by id only: a case, a referral, a placement, a tracing request, or an agency. */
export class ComplaintSubjectRequest {
  @ApiProperty({ enum: COMPLAINT_SUBJECT_TYPES }) @IsIn(COMPLAINT_SUBJECT_TYPES) type!: ComplaintSubject['type'];
  /** The case's, referral's, placement's or tracing request's id, or the agency's id. */
  @ApiProperty({ type: String, maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) id!: string;
}

export class FileComplaintRequest extends FieldTimeRequest {
  /** What the family complains of. */
  @ApiProperty({ enum: COMPLAINT_KINDS }) @IsIn(COMPLAINT_KINDS) kind!: ComplaintKind;
  @ApiProperty({ type: ComplaintSubjectRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => ComplaintSubjectRequest)
  subject!: ComplaintSubjectRequest;
  /** How the family reached the office: the police record only their own channel. */
  @ApiProperty({ enum: FAMILY_CHANNELS }) @IsIn(FAMILY_CHANNELS) channel!: FamilyChannel;
  /** The complaint in the family's words. Personal data. */
  @ApiProperty({ type: String, minLength: 1, maxLength: TEXT_MAX })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  text!: string;
  /**
   * The agency responsible for what is complained of, which answers: the case's owning office, the
   * referral's RSJ, the placement's panti, or the agency complained of.
   */
  @ApiProperty({ type: String, pattern: AGENCY_ID.source, example: 'dinsos-3571' })
  @Matches(AGENCY_ID, { message: 'routedTo must be an agency id such as dinsos-3571' })
  routedTo!: string;
  /**
   * The person the complaint is about, when it is about one; absent, the complaint is sealed under
   * an id of its own standing for the complainant.
   */
  @ApiPropertyOptional({ type: String, format: 'uuid' }) @IsOptional() @IsUUID() personId?: string;
}
