import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REBUILD_STATUSES, type RebuildStatus } from '../../service/projection-rebuilder';

const POSITION = '^\\d+\\.\\d+$';

/** One table of a rebuilt read model, as it was swapped in. */
export class RebuiltTableView {
  @ApiProperty({ type: String }) table!: string;
  @ApiProperty({ type: 'integer' }) rows!: number;
  /** sha256 (hex) over the table's rows (order-independent: the sums of each row's md5). */
  @ApiProperty({ type: String, pattern: '^[0-9a-f]{64}$' }) digest!: string;
}

/**
 * A rebuild of a projection: built from the first event in a shadow schema while the live read
 * model goes on serving, then swapped in at once. Running, done or failed.
 */
export class ProjectionRebuildView {
  @ApiProperty({ type: String, format: 'uuid' }) rebuildId!: string;
  @ApiProperty({ type: String }) projection!: string;
  @ApiProperty({ enum: REBUILD_STATUSES }) status!: RebuildStatus;
  /** Events folded into the rebuilt model so far, those of an interrupted earlier rebuild included. */
  @ApiProperty({ type: 'integer' }) done!: number;
  /** Events in the store (it grows while appends go on). */
  @ApiProperty({ type: 'integer' }) total!: number;
  /** Events the shadow already held when this rebuild started: an interrupted rebuild resumed. */
  @ApiProperty({ type: 'integer' }) resumedFrom!: number;
  /** Events this rebuild applied per second. */
  @ApiProperty({ type: 'integer' }) rate!: number;
  /** Seconds left at that rate; null until the rate is known. */
  @ApiProperty({ type: 'integer', nullable: true }) etaSeconds!: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) finishedAt?: string;
  /** Done: sha256 (hex) over the digests of the tables swapped in, to compare with a fresh fold. */
  @ApiPropertyOptional({ type: String, pattern: '^[0-9a-f]{64}$' }) digest?: string;
  @ApiPropertyOptional({ type: [RebuiltTableView] }) tables?: RebuiltTableView[];
  /** Done: the live checkpoint after the swap, `transaction.sequence`. */
  @ApiPropertyOptional({ type: String, pattern: POSITION }) position?: string;
  /** Done: how long the swap paused the live projection, in milliseconds. */
  @ApiPropertyOptional({ type: 'integer' }) swapMs?: number;
  /** Failed: why. A stopped rebuild keeps its shadow, and the next one resumes it. */
  @ApiPropertyOptional({ type: String }) error?: string;
}

/** A projection of this service: where it stands and its latest rebuild here. */
export class ProjectionView {
  /** Its name, which names its checkpoint: the `:name` of the rebuild routes. */
  @ApiProperty({ type: String }) name!: string;
  /** Its checkpoint, `transaction.sequence` (`0.0` before its first event). */
  @ApiProperty({ type: String, pattern: POSITION }) position!: string;
  /** Events readers may see that it has not applied yet. */
  @ApiProperty({ type: 'integer' }) lagEvents!: number;
  /** How long ago the oldest of them was recorded; 0 when it is not behind. */
  @ApiProperty({ type: Number }) lagSeconds!: number;
  /** The shadow schema of a rebuild that stopped: the next rebuild resumes from it. */
  @ApiPropertyOptional({ type: String }) shadowSchema?: string;
  /** Its latest rebuild in this process (the service's instance that answers). */
  @ApiPropertyOptional({ type: ProjectionRebuildView }) rebuild?: ProjectionRebuildView;
}

export class ProjectionsResponse {
  @ApiProperty({ type: String }) service!: string;
  /** The store's PostgreSQL schema, where the read models live. */
  @ApiProperty({ type: String }) schema!: string;
  @ApiProperty({ type: [ProjectionView] }) projections!: ProjectionView[];
}

/** A read model's rows as they stood at a point in the past. */
export class ProjectionRowsResponse {
  @ApiProperty({ type: String }) service!: string;
  @ApiProperty({ type: String }) projection!: string;
  @ApiProperty({ type: String }) table!: string;
  @ApiProperty({ type: String, description: 'The point asked for, as given.' }) asOf!: string;
  @ApiProperty({
    type: String,
    description: 'The last event folded in (`transaction.sequence`; `0.0` when none was recorded by then).',
  })
  position!: string;
  @ApiProperty({ type: 'integer', description: 'Events folded to get there.' }) events!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'The rows as the table held them then; personal fields stay sealed, as they are stored.',
  })
  rows!: Record<string, unknown>[];
}
