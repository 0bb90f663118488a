import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length, Matches, ValidateBy, type ValidationOptions } from 'class-validator';
import {
  FUNCTIONING_DOMAINS,
  FUNCTIONING_INSTRUMENT_VERSIONS,
  FUNCTIONING_SCORE_RANGE,
} from '../../application/reference-codes';
import { CALENDAR_DATE } from '../../application/request-fields';

const MAX_DOMAINS = 20;
const DOMAIN = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;

/** `{ "self-care": 3, … }`: functioning domains and their scores; the domain checks the scale. */
function IsScores(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isScores',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= MAX_DOMAINS &&
          Object.entries(value).every(([domain, score]) => DOMAIN.test(domain) && typeof score === 'number'),
        defaultMessage: () => `scores maps up to ${MAX_DOMAINS} domain codes to numbers`,
      },
    },
    options,
  );
}

export class RecordProgressReviewRequest {
  /** Sealed as personal data. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', ...FUNCTIONING_SCORE_RANGE },
    maxProperties: MAX_DOMAINS,
    example: { 'self-care': 3, communication: 4 },
    description:
      'Sealed as personal data. Each functioning domain scored, by its code (letters, digits and dashes), ' +
      `on the instrument's scale. The instruments suggest ${FUNCTIONING_DOMAINS.map((d) => `\`${d}\``).join(', ')}; ` +
      'other domains are kept. GET /reference-data/functioning-instruments lists the domains and the scale.',
  })
  @IsScores()
  scores!: Record<string, number>;
  /** The day of the review; absent: the day it is recorded. */
  @IsOptional() @Matches(CALENDAR_DATE, { message: 'reviewedOn is a date, YYYY-MM-DD' }) reviewedOn?: string;
  /** The next review: a date or a time (its day counts). */
  @IsOptional() @IsISO8601() nextReviewAt?: string;
  @IsOptional() @IsString() @Length(1, 100) reviewedBy?: string;
  /** Sealed as personal data. */
  @IsOptional() @IsString() @Length(1, 4000) summary?: string;
  /** The functioning instrument the scores follow; absent: the current one. */
  @ApiPropertyOptional({ enum: FUNCTIONING_INSTRUMENT_VERSIONS })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  instrumentVersion?: string;
  @IsOptional() @IsISO8601() occurredAt?: string;
}
