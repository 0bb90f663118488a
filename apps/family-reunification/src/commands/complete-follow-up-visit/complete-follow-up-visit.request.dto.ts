import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { FieldTimeRequest, TEXT_MAX } from '../../application/request-fields';

export class CompleteFollowUpVisitRequest extends FieldTimeRequest {
  /** How the person is. Personal (health) data. */
  @IsString() @MinLength(1) @MaxLength(TEXT_MAX) condition!: string;
  /** E.g. regular, irregular, stopped. Personal (health) data. */
  @IsString() @MinLength(1) @MaxLength(200) medicationAdherence!: string;
  /** How the person manages at home and in the community. Personal data. */
  @IsString() @MinLength(1) @MaxLength(TEXT_MAX) socialFunctioning!: string;
  /** Whether the puskesmas was in touch for medication and control. */
  @IsOptional() @IsBoolean() puskesmasContacted?: boolean;
}
