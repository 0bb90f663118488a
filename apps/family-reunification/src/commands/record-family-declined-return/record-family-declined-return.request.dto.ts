import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { FieldTimeRequest, TEXT_MAX } from '../../application/request-fields';

export class RecordFamilyDeclinedReturnRequest extends FieldTimeRequest {
  /** Personal data. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(TEXT_MAX) reason?: string;
}
