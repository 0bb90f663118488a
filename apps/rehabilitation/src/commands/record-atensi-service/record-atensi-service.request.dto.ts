import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ATENSI_SERVICE_TYPE_CODES, ATENSI_SUBTYPE_CODES } from '../../application/reference-codes';
import { CALENDAR_DATE } from '../../application/request-fields';

const CODE = /^[a-z]+(-[a-z]+)*$/;

export class RecordAtensiServiceRequest {
  /** One of the seven ATENSI service codes of the plan's catalogue, e.g. `therapy`. */
  @ApiProperty({ enum: ATENSI_SERVICE_TYPE_CODES })
  @Matches(CODE, { message: 'type is an ATENSI service code' })
  type!: string;
  /** One of the service type's subtypes in the plan's catalogue, e.g. `psychosocial`. */
  @ApiPropertyOptional({ enum: ATENSI_SUBTYPE_CODES })
  @IsOptional()
  @Matches(CODE, { message: 'subtype is an ATENSI subtype code' })
  subtype?: string;
  /** The day it was delivered; absent: the day it is recorded. */
  @IsOptional() @Matches(CALENDAR_DATE, { message: 'date is a date, YYYY-MM-DD' }) date?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1440) durationMinutes?: number;
  /** The worker's reference; absent: the calling user or system. */
  @IsOptional() @IsString() @Length(1, 100) deliveredBy?: string;
  /** Sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 4000) notes?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
