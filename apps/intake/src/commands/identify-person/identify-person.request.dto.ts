import { ArrayMaxSize, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CALENDAR_DATE, REGION, SEXES } from '../../application/request-fields';
import {
  IDENTITY_CONFIDENCES,
  IDENTITY_SOURCES,
  type IdentityConfidence,
  type IdentitySource,
  type Sex,
} from '../../domain/identity/identity';

export class IdentifyPersonRequest {
  /** Taken as given and flagged when its structure looks wrong: never refused. */
  @IsOptional() @IsString() @Length(1, 40) nik?: string;
  @IsOptional() @IsString() @Length(1, 40) kk?: string;
  @IsString() @Length(1, 200) name!: string;
  @IsOptional() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 200, { each: true }) aliases?: string[];
  @IsOptional() @Matches(CALENDAR_DATE, { message: 'birthDate must be a date, YYYY-MM-DD' }) birthDate?: string;
  /** When only the year is known. */
  @IsOptional() @IsInt() @Min(1900) @Max(2100) birthYear?: number;
  @IsOptional() @IsIn(SEXES) sex?: Sex;
  @IsOptional() @IsString() @Length(1, 1000) address?: string;
  /** Kemendagri code of the region of origin, kabupaten/kota or finer. */
  @IsOptional() @Matches(REGION, { message: 'originRegionCode must be a region code' }) originRegionCode?: string;
  @IsIn(IDENTITY_SOURCES) source!: IdentitySource;
  /** Defaults by source: Dukcapil confirms, a document or the family makes it probable, the person's word is a claim. */
  @IsOptional() @IsIn(IDENTITY_CONFIDENCES) confidence?: IdentityConfidence;
  @IsOptional() @IsISO8601() occurredAt?: string;
}

const CONFIDENCE_BY_SOURCE: Record<IdentitySource, IdentityConfidence> = {
  dukcapil: 'confirmed',
  document: 'probable',
  family: 'probable',
  'self-report': 'claimed',
};

export function confidenceOf(body: IdentifyPersonRequest): IdentityConfidence {
  return body.confidence ?? CONFIDENCE_BY_SOURCE[body.source];
}
