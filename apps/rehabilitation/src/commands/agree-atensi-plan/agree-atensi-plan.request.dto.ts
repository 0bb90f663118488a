import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { ATENSI_CATALOGUE_VERSIONS, ATENSI_PLAN_SERVICE_CODES } from '../../application/reference-codes';
import { CALENDAR_DATE } from '../../application/request-fields';
import { ATENSI_SETTINGS, type AtensiSetting } from '../../domain/atensi/atensi-settings';

/** An ATENSI service code, with its subtype after a slash: `therapy` or `therapy/psychosocial`. */
export const SERVICE_CODE = /^[a-z]+(-[a-z]+)*(\/[a-z]+(-[a-z]+)*)?$/;

export class AgreeAtensiPlanRequest {
  /** Sealed as personal data. */
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 500, { each: true }) goals!: string[];
  /** ATENSI codes of the plan's catalogue: a type, or a type and a subtype (`therapy/psychosocial`). */
  @ApiProperty({
    enum: ATENSI_PLAN_SERVICE_CODES,
    isArray: true,
    maxItems: 30,
    description:
      "ATENSI codes of the plan's catalogue: a service type, or a type and one of its subtypes " +
      '(`therapy/psychosocial`); GET /reference-data/atensi-services lists them.',
  })
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(SERVICE_CODE, { each: true, message: 'each service is an ATENSI code, e.g. therapy/psychosocial' })
  services!: string[];
  @IsIn(ATENSI_SETTINGS) setting!: AtensiSetting;
  @IsOptional() @IsBoolean() familyInvolved?: boolean;
  /** Sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 2000) familyInvolvementNote?: string;
  /** Absent: a first review a month after the plan is agreed. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(24)
  @Matches(CALENDAR_DATE, { each: true, message: 'each review date is a date, YYYY-MM-DD' })
  reviewDates?: string[];
  /** The ATENSI catalogue the codes belong to; absent: the current one. */
  @ApiPropertyOptional({ enum: ATENSI_CATALOGUE_VERSIONS })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  catalogueVersion?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
