import { ApiProperty } from '@nestjs/swagger';
import {
  ASSESSMENT_DECISIONS,
  CASE_STATUSES,
  type AssessmentDecision,
  type CaseStatus,
} from '../../domain/case/case.vocabulary';

/** A case in an office's work queue: ids, numbers, codes and times; who the person is, GET /cases/{caseId} says. */
export class QueuedCase {
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  /** `<kab/kota code>-<year>-<sequence>`, per owning office and year, e.g. `3507-2025-00042`. */
  @ApiProperty({ type: String, pattern: '^\\d{4}-\\d{4}-\\d{5}$', example: '3507-2025-00042' }) caseNumber!: string;
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  /** The owning office. */
  @ApiProperty({ type: String }) officeId!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ type: String, format: 'date-time' }) registeredAt!: Date;
  /** Whether the person has been identified. */
  @ApiProperty({ type: Boolean }) identified!: boolean;
  /** Earlier persons proposed as this one and not yet linked or rejected. */
  @ApiProperty({ type: 'integer', minimum: 0 }) pendingCandidates!: number;
  /** The earlier person this case's person was linked into. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) linkedInto!: string | null;
  /** The assessment's decision, once made. */
  @ApiProperty({ enum: ASSESSMENT_DECISIONS, nullable: true }) decision!: AssessmentDecision | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) assessedAt!: Date | null;
  /** The office asked to take the case over, while it has not answered. */
  @ApiProperty({ type: String, nullable: true }) transferTo!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) transferRequestedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) abscondedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) diedAt!: Date | null;
}
