import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AGENCY_ID, FieldTimeRequest, TEXT_MAX } from '../../application/request-fields';

export class CompleteReunificationRequest extends FieldTimeRequest {
  /** The family member who received the person. Personal data. */
  @IsString() @MinLength(1) @MaxLength(200) handedTo!: string;
  /** Their relation to the person. Personal data. */
  @IsString() @MinLength(1) @MaxLength(100) relation!: string;
  /** Where the hand-over took place. Personal data. */
  @IsString() @MinLength(1) @MaxLength(TEXT_MAX) place!: string;
  /** Documents handed over (identity card, discharge letter…). Personal data. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  documents?: string[];
  /** Medication handed over. Personal (health) data. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(TEXT_MAX) medication?: string;
  /** The puskesmas asked to take part in the follow-up. */
  @IsOptional() @Matches(AGENCY_ID, { message: 'puskesmasId must be an agency id' }) puskesmasId?: string;
  /** Months after the hand-over at which follow-ups fall due, increasing; default [1, 3, 6]. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(60, { each: true })
  followUpOffsetsMonths?: number[];
}
