import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { FAMILY_REGION_CODE, FieldTimeRequest, TEXT_MAX } from '../../application/request-fields';

export class RecordFamilyTracedRequest extends FieldTimeRequest {
  /** E.g. mother, brother, uncle. Personal data. */
  @IsString() @MinLength(1) @MaxLength(100) relation!: string;
  /** The family member's name. Personal data. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  /** Phone, address, or how else the family is reached. Personal data. */
  @IsString() @MinLength(1) @MaxLength(TEXT_MAX) contact!: string;
  /** Where the family lives: kabupaten/kota code (4 digits) or finer, without dots. */
  @Matches(FAMILY_REGION_CODE, { message: 'regionCode must be a kabupaten/kota code (4 digits) or finer, e.g. 3571' })
  regionCode!: string;
  /** How the family and its relation were confirmed, e.g. 'Dukcapil record', 'home visit'. Personal data. */
  @IsString() @MinLength(1) @MaxLength(500) verifiedBy!: string;
}
