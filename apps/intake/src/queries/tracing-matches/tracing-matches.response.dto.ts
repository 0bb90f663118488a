import { ApiProperty } from '@nestjs/swagger';
import { MatchReason } from '../../application/tracing-request.response.dto';
import { CANDIDATE_STATUSES, type CandidateStatus } from '../../domain/tracing-request/tracing-request.vocabulary';

/** A person found who may be the relative a family seeks: ids, the score and its reasons, never a description. */
export class TracingMatchInQueue {
  @ApiProperty({ type: String, format: 'uuid' }) tracingRequestId!: string;
  /** The person found. */
  @ApiProperty({ type: String, format: 'uuid' }) candidatePersonId!: string;
  @ApiProperty({ enum: CANDIDATE_STATUSES }) status!: CandidateStatus;
  /** How likely the two are one person (calibrated on a generated population; see docs). */
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 }) probability!: number;
  /** The weightiest first. */
  @ApiProperty({ type: [MatchReason] }) reasons!: MatchReason[];
  @ApiProperty({ type: String, format: 'date-time' }) proposedAt!: Date;
  /** Days since it was proposed: how long the family has waited on this office. */
  @ApiProperty({ type: 'integer', minimum: 0 }) ageDays!: number;
}
