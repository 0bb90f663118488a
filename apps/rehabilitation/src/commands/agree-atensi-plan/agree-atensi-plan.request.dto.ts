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
import { CALENDAR_DATE } from '../../application/request-fields';
import { ATENSI_SETTINGS, type AtensiSetting } from '../../domain/atensi/atensi-settings';

/** An ATENSI service code, with its subtype after a slash: `therapy` or `therapy/psychosocial`. */
export const SERVICE_CODE = /^[a-z]+(-[a-z]+)*(\/[a-z]+(-[a-z]+)*)?$/;

export class AgreeAtensiPlanRequest {
  /** Sealed as personal data. */
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 500, { each: true }) goals!: string[];
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
  @IsOptional() @IsString() @Length(1, 20) catalogueVersion?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
