import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { FieldTimeRequest, TEXT_MAX } from '../../application/request-fields';

export class AnswerComplaintRequest extends FieldTimeRequest {
  /** What the agency did or will do, for the family. Personal data. */
  @ApiProperty({ type: String, minLength: 1, maxLength: TEXT_MAX })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  answer!: string;
}
