import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { FieldTimeRequest, TEXT_MAX } from '../../application/request-fields';
import { FAMILY_READINESS, type FamilyReadiness } from '../../domain/reunification/reunification.vocabulary';

export class CompleteHomeVisitRequest extends FieldTimeRequest {
  @IsIn(FAMILY_READINESS) readiness!: FamilyReadiness;
  /** Risks seen at home. Personal data. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(TEXT_MAX) risks?: string;
  /** E.g. medication, income, housing. Personal data. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  needs?: string[];
  /** Personal data. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(TEXT_MAX) notes?: string;
  /** Why the family refuses, when it does. Personal data. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(TEXT_MAX) refusalReason?: string;
}
