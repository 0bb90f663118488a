import { ApiProperty } from '@nestjs/swagger';
import { PLACEMENT_STATUSES, type PlacementStatus } from '../domain/placement/placement.state';
import { PLACEMENT_KINDS, type PlacementKind } from '../domain/placement/placement.vocabulary';

const UUID = { type: String, format: 'uuid' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;

/** A placement as the work queues and the case's office list it: ids, codes and times, nothing personal. */
export class PlacementSummary {
  @ApiProperty(UUID) placementId!: string;
  @ApiProperty(UUID) caseId!: string;
  @ApiProperty(UUID) personId!: string;
  /** The panti/balai the placement is addressed to. */
  @ApiProperty({ type: String }) pantiId!: string;
  /** The Dinas Sosial office that owns the case now. */
  @ApiProperty({ type: String }) officeId!: string;
  @ApiProperty({ enum: PLACEMENT_KINDS }) kind!: PlacementKind;
  @ApiProperty({ enum: PLACEMENT_STATUSES }) status!: PlacementStatus;
  /** In UTC. */
  @ApiProperty(DATE_TIME) requestedAt!: string;
  /** In UTC; null until the panti admits the resident. */
  @ApiProperty({ ...DATE_TIME, nullable: true }) admittedAt!: string | null;
  /** The wisma or ward, as the panti names it. */
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) bed!: string | null;
  /** How many times the resident relapsed and went to an RSJ. */
  @ApiProperty({ type: 'integer', minimum: 0 }) relapses!: number;
}
