import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { FieldTimeRequest, TEXT_MAX } from '../../application/request-fields';

export class AddTracingLeadsRequest extends FieldTimeRequest {
  /** Names and places the person mentions, references of tracing requests. Personal data. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(TEXT_MAX, { each: true })
  leads?: string[];
}
