import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Shapes of request fields that several endpoints share, as the contracts spell them. */
export const AGENCY_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Kabupaten/kota (4 digits) or finer: kecamatan (6), desa/kelurahan (10). */
export const FAMILY_REGION_CODE = /^\d{4}(\d{2}(\d{4})?)?$/;
export const TEXT_MAX = 2000;

/** Every write may say when it happened in the field; an office that was offline sends it later. */
export class FieldTimeRequest {
  /** ISO 8601 date-time with offset; defaults to now. */
  @ApiPropertyOptional({
    type: String,
    maxLength: 40,
    example: '2025-05-31T10:00:00+07:00',
    description: 'When it happened in the field: an ISO 8601 date-time with offset; defaults to now.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  occurredAt?: string;
}
