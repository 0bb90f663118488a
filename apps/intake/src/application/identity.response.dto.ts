import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Sex } from '../domain/identity/identity';
import { CALENDAR_DATE, SEXES } from './request-fields';

/** What the person or a bystander said at the pickup; only what was said is there. */
export class ClaimedIdentity {
  @ApiPropertyOptional({ type: String }) name?: string;
  /** As given, unchecked: a claim. */
  @ApiPropertyOptional({ type: String }) nik?: string;
  @ApiPropertyOptional({ type: String, format: 'date', pattern: CALENDAR_DATE.source }) birthDate?: string;
  @ApiPropertyOptional({ enum: SEXES }) sex?: Sex;
  /** Where the person says they come from, in their words. */
  @ApiPropertyOptional({ type: String }) origin?: string;
}

/** How an unidentified person is recognised: only what was seen is there. */
export class Descriptors {
  @ApiPropertyOptional({ enum: SEXES }) sex?: Sex;
  /** As seen, e.g. '30-40'. */
  @ApiPropertyOptional({ type: String }) apparentAgeRange?: string;
  @ApiPropertyOptional({ type: 'integer' }) heightCm?: number;
  @ApiPropertyOptional({ type: String }) build?: string;
  @ApiPropertyOptional({ type: String }) marks?: string;
  @ApiPropertyOptional({ type: String }) clothing?: string;
  @ApiPropertyOptional({ type: String }) language?: string;
  @ApiPropertyOptional({ type: [String] }) namesMentioned?: string[];
  @ApiPropertyOptional({ type: [String] }) placesMentioned?: string[];
}
