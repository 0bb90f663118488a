import { ApiProperty } from '@nestjs/swagger';

/** One field's say in a match: its level of agreement and how far it moves the odds (log10). */
export class MatchReason {
  @ApiProperty({ enum: ['nik', 'name', 'sex', 'age', 'region', 'time', 'marks'] }) field!: string;
  /** e.g. `same`, `alike`, `same-kabupaten`, `within-a-month`. */
  @ApiProperty({ type: String }) level!: string;
  /** Positive for evidence of one person, negative against. */
  @ApiProperty({ type: Number }) weight!: number;
}

export class AgeRange {
  @ApiProperty({ type: 'integer' }) min!: number;
  @ApiProperty({ type: 'integer' }) max!: number;
}
