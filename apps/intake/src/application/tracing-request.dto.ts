import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CALENDAR_DATE, REGION, SEXES } from './request-fields';

/** Who asks, and how to reach them. Personal data. */
export class RequesterDto {
  @IsString() @Length(1, 200) name!: string;
  /** What they are to the missing relative: mother, brother, wife… */
  @IsString() @Length(1, 100) relation!: string;
  /** Phone, address, or how else the family is reached. */
  @IsString() @Length(1, 500) contact!: string;
}

export class AgeRangeDto {
  @IsInt() @Min(0) @Max(120) min!: number;
  @IsInt() @Min(0) @Max(120) max!: number;
}

/** The missing relative as the family describes them. Personal data, sealed with their key. */
export class SoughtPersonDto {
  /** The names they go by, as the family writes them (with titles, old spellings, in any order). */
  @IsString({ each: true }) @Length(1, 200, { each: true }) @ArrayMinSize(1) @ArrayMaxSize(10) names!: string[];
  /** 16 digits, if the family knows it; dots and spaces are stripped. */
  @IsOptional() @IsString() @Length(16, 24) nik?: string;
  @IsOptional() @IsIn(SEXES) sex?: (typeof SEXES)[number];
  @ApiPropertyOptional({ type: String, format: 'date', description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'birthDate must be a date YYYY-MM-DD' })
  birthDate?: string;
  /** The age when last seen, when the birth date is not known; one age is min = max. */
  @IsOptional() @ValidateNested() @Type(() => AgeRangeDto) ageRange?: AgeRangeDto;
  /** An object-store key of a photo, never the image. */
  @IsOptional() @IsString() @Length(1, 500) photoReference?: string;
  /** Scars, tattoos, a limp…, in words. */
  @IsOptional() @IsString({ each: true }) @Length(1, 500, { each: true }) @ArrayMaxSize(20) marks?: string[];
  /** A diagnosis, medication, a disability, as the family tells them. */
  @IsOptional() @IsString({ each: true }) @Length(1, 500, { each: true }) @ArrayMaxSize(20) conditions?: string[];
}

export class LastSeenDto {
  /** Kemendagri code without dots: kabupaten/kota (4 digits) or finer. */
  @Matches(REGION, { message: 'regionCode must be a Kemendagri region code, e.g. 3507' }) regionCode!: string;
  @ApiProperty({ type: String, format: 'date', description: 'The day last seen, YYYY-MM-DD.' })
  @Matches(CALENDAR_DATE, { message: 'on must be a date YYYY-MM-DD' })
  on!: string;
  /** The place in words, e.g. 'Pasar Lawang'. Personal data. */
  @IsOptional() @IsString() @Length(1, 500) place?: string;
}
