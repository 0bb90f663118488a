import { IsString, MaxLength, MinLength } from 'class-validator';
import { FieldTimeRequest, TEXT_MAX } from '../../application/request-fields';

export class RecordFamilyNotFoundRequest extends FieldTimeRequest {
  /** What was done to find the family. Personal data. */
  @IsString() @MinLength(1) @MaxLength(TEXT_MAX) efforts!: string;
}
