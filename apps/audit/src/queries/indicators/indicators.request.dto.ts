import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const REGION = /^(\d{2}|\d{4})$/;

export class IndicatorsQuery {
  @ApiPropertyOptional({
    type: String,
    pattern: MONTH.source,
    example: '2026-01',
    description: 'The first month counted (YYYY-MM); by default January of the year of `to`.',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month such as 2026-01' })
  from?: string;

  @ApiPropertyOptional({
    type: String,
    pattern: MONTH.source,
    example: '2026-12',
    description: 'The last month counted, included (YYYY-MM); by default this month (WIB).',
  })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month such as 2026-12' })
  to?: string;

  @ApiPropertyOptional({
    enum: ['month', 'year'],
    default: 'month',
    description: 'One period per month, or per calendar year.',
  })
  @IsOptional()
  @IsIn(['month', 'year'])
  by?: 'month' | 'year';

  @ApiPropertyOptional({
    type: String,
    pattern: REGION.source,
    example: '35',
    description:
      'A province (2 digits: it and its kabupaten/kota) or a kabupaten/kota (4 digits). By default an admin ' +
      "reads every region, an office its own; an office may not read another's.",
  })
  @IsOptional()
  @Matches(REGION, { message: 'region must be a province (2 digits) or kabupaten/kota (4 digits) code' })
  region?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: 'The answer as JSON or CSV; by default as the Accept header asks (`text/csv` for CSV), else JSON.',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
