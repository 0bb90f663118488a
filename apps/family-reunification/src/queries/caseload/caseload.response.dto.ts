import { ApiProperty } from '@nestjs/swagger';
import { REUNIFICATION_PHASES, type ReunificationPhase } from '../../domain/reunification/reunification.state';

const UUID = { type: String, format: 'uuid' } as const;

/** An open reunification of the office. */
export class CaseloadEntryView {
  @ApiProperty(UUID) reunificationId!: string;
  @ApiProperty(UUID) caseId!: string;
  @ApiProperty(UUID) personId!: string;
  /** The stage of the work with the family. */
  @ApiProperty({ enum: REUNIFICATION_PHASES }) status!: ReunificationPhase;
  /** In UTC. */
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: string;
  /** The earliest follow-up visit still pending, if the person is home. */
  @ApiProperty({ type: String, format: 'date', nullable: true }) nextFollowUpDue!: string | null;
}
