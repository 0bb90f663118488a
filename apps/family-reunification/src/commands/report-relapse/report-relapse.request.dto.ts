import { IsString, MaxLength, MinLength } from 'class-validator';
import { FieldTimeRequest, TEXT_MAX } from '../../application/request-fields';

export class ReportRelapseRequest extends FieldTimeRequest {
  /** The signs the family saw. Personal (health) data. */
  @IsString() @MinLength(1) @MaxLength(TEXT_MAX) signs!: string;
}
