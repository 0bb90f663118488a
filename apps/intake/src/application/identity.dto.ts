import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { ClaimedIdentity, Descriptors, Sex } from '../domain/identity/identity';
import { CALENDAR_DATE, SEXES } from './request-fields';

/** What the person or a bystander says: a NIK is taken as typed, checked and flagged later. */
export class ClaimedIdentityDto {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsString() @Length(1, 40) nik?: string;
  @IsOptional() @Matches(CALENDAR_DATE, { message: 'birthDate must be a date, YYYY-MM-DD' }) birthDate?: string;
  @IsOptional() @IsIn(SEXES) sex?: Sex;
  @IsOptional() @IsString() @Length(1, 200) origin?: string;
}

export class DescriptorsDto {
  @IsOptional() @IsIn(SEXES) sex?: Sex;
  /** As seen, e.g. '30-40'. */
  @IsOptional() @IsString() @Length(1, 20) apparentAgeRange?: string;
  @IsOptional() @IsInt() @Min(30) @Max(250) heightCm?: number;
  @IsOptional() @IsString() @Length(1, 200) build?: string;
  @IsOptional() @IsString() @Length(1, 1000) marks?: string;
  @IsOptional() @IsString() @Length(1, 1000) clothing?: string;
  @IsOptional() @IsString() @Length(1, 200) language?: string;
  @IsOptional() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 200, { each: true }) namesMentioned?: string[];
  @IsOptional() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 200, { each: true }) placesMentioned?: string[];
}

// The DTOs are plain fields already; copying drops the class and any property left undefined.
export function toClaimedIdentity(dto: ClaimedIdentityDto): ClaimedIdentity {
  return definedOnly({ ...dto });
}

export function toDescriptors(dto: DescriptorsDto): Descriptors {
  return definedOnly({ ...dto });
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
