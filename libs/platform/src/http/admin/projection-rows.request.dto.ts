import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

/** Which rows of a read model, and as of when. */
export class ProjectionRowsQuery {
  @ApiProperty({
    type: String,
    example: '2026-12-01T08:00:00+07:00',
    description:
      'A time (ISO 8601: what the store had recorded by then) or a position this service answered with (`transaction.sequence`).',
  })
  @IsString()
  @Length(1, 64)
  asOf!: string;

  @ApiProperty({ type: String, example: 'placements', description: 'One of the read model’s tables.' })
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'table must be a table name such as placements' })
  table!: string;

  @ApiPropertyOptional({ type: String, example: 'placement_id', description: 'Only rows whose column holds `value`.' })
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'column must be a column name such as placement_id' })
  column?: string;

  @ApiPropertyOptional({ type: String, description: 'The value the column must hold, compared as text.' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  value?: string;

  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  limit?: number;
}
