import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_IDS, UNITS } from '../../domain/indicators/indicators';

/** One value of one indicator for one region and period (and breakdown); the CSV has one line per row. */
export class IndicatorRowView {
  @ApiProperty({ enum: INDICATOR_IDS }) indicator!: string;
  @ApiProperty({ enum: UNITS }) unit!: string;
  @ApiProperty({ enum: ['province', 'kabupaten-kota'] }) regionLevel!: string;
  /** The Kemendagri code: 2 digits for a province, 4 for a kabupaten/kota. */
  @ApiProperty({ type: String, example: '3507' }) regionCode!: string;
  /** `2026-03` by month, `2026` by year. */
  @ApiProperty({ type: String, example: '2026-03' }) period!: string;
  /** The stage, reason, outcome, decision, kind, office, agency or panti the value is for; null when none. */
  @ApiProperty({ type: String, nullable: true, example: 'no-bed' }) breakdown!: string | null;
  /** A count; a share between 0 and 1 (4 decimals); for an indicator in days the median (2 decimals). */
  @ApiProperty({ type: Number }) value!: number;
  /** Shares: what is counted over… */
  @ApiProperty({ type: Number, nullable: true }) numerator!: number | null;
  /** …what it is counted among. */
  @ApiProperty({ type: Number, nullable: true }) denominator!: number | null;
  /** Indicators in days (stage-days, tracing-days-to-return): the number of stays or requests measured. */
  @ApiProperty({ type: Number, nullable: true }) observations!: number | null;
  /** Indicators in days: the 90th percentile. */
  @ApiProperty({ type: Number, nullable: true }) p90!: number | null;
}

/** What an indicator counts and from which events (docs/indicators.md). */
export class IndicatorDefinitionView {
  @ApiProperty({ enum: INDICATOR_IDS }) id!: string;
  @ApiProperty({ enum: UNITS }) unit!: string;
  /** What its rows' `breakdown` holds; null when it has none. */
  @ApiProperty({ type: String, nullable: true }) breakdown!: string | null;
  @ApiProperty({ type: String }) definition!: string;
  /** The contract types it reads, with their version. */
  @ApiProperty({ type: String, isArray: true }) events!: string[];
}

/** The Renstra's and the operational indicators for a region and period, from the ledger: aggregates only. */
export class IndicatorsResponse {
  @ApiProperty({ type: String, example: '2026-01' }) from!: string;
  @ApiProperty({ type: String, example: '2026-12' }) to!: string;
  @ApiProperty({ enum: ['month', 'year'] }) by!: string;
  /** The region read: a province or kabupaten/kota code; null for every region. */
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  /** Every period of the request, in order; a period without a row counted nothing. */
  @ApiProperty({ type: String, isArray: true }) periods!: string[];
  /** Only where something was counted: a missing row is a zero. */
  @ApiProperty({ type: [IndicatorRowView] }) rows!: IndicatorRowView[];
  @ApiProperty({ type: [IndicatorDefinitionView] }) definitions!: IndicatorDefinitionView[];
  /** What the events cannot tell, and what the answer left out. */
  @ApiProperty({ type: String, isArray: true }) notes!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) computedAt!: string;
}
