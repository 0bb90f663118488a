import { ApiProperty } from '@nestjs/swagger';
import { PlacementSummary } from '../../application/placement-summary.response.dto';

/** A request not yet admitted, and where it stands in the panti's queue. */
export class WaitingPlacement extends PlacementSummary {
  /** `bed-reserved`: a bed is held and the panti may admit; `waiting`: in the queue at `queuePosition`. */
  @ApiProperty({ enum: ['bed-reserved', 'waiting'] }) queueStatus!: 'bed-reserved' | 'waiting';
  /** The place in the queue now, from 1; null while a bed is held. */
  @ApiProperty({ type: 'integer', minimum: 1, nullable: true }) queuePosition!: number | null;
}
