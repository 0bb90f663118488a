import { ApiProperty } from '@nestjs/swagger';
import { FAMILY_REGION_CODE } from '../../application/request-fields';
import {
  FOLLOW_UP_STATUSES,
  REUNIFICATION_PHASES,
  type FollowUp,
  type LocatedFamily,
  type ReunificationPhase,
} from '../../domain/reunification/reunification.state';
import {
  CASE_OUTCOMES,
  FAMILY_READINESS,
  TRACING_TRIGGERS,
  type CaseOutcome,
  type TracingTrigger,
} from '../../domain/reunification/reunification.vocabulary';

const UUID = { type: String, format: 'uuid' } as const;

/** The family once traced: where it lives and whether it is ready to take the person back. */
export class LocatedFamilyView {
  /** Kabupaten/kota code (4 digits) or finer: kecamatan (6), desa/kelurahan (10). */
  @ApiProperty({ type: String, pattern: FAMILY_REGION_CODE.source }) regionCode!: string;
  /** `unassessed` until a home visit; `refuses` also when the family declined later. */
  @ApiProperty({ enum: [...FAMILY_READINESS, 'unassessed'] }) readiness!: LocatedFamily['readiness'];
}

/** A follow-up visit after the hand-over (bimbingan lanjut). */
export class FollowUpView {
  /** 1 for the first visit. */
  @ApiProperty({ type: 'integer', minimum: 1 }) visit!: number;
  @ApiProperty({ type: String, format: 'date' }) dueOn!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status!: FollowUp['status'];
}

/** A case's reunification as its owning office reads it; no personal data. */
export class ReunificationResponse {
  @ApiProperty(UUID) reunificationId!: string;
  @ApiProperty(UUID) caseId!: string;
  @ApiProperty(UUID) personId!: string;
  /** The Dinas Sosial office that owns the case now. */
  @ApiProperty({ type: String }) officeId!: string;
  /** The stage of the work with the family, or `closed`. */
  @ApiProperty({ enum: [...REUNIFICATION_PHASES, 'closed'] }) status!: ReunificationPhase | 'closed';
  /** In UTC. */
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: string;
  /** What set family tracing going. */
  @ApiProperty({ enum: TRACING_TRIGGERS }) startedFrom!: TracingTrigger;
  /** Null until the family is traced, and again when it was not found. */
  @ApiProperty({ type: LocatedFamilyView, nullable: true }) family!: LocatedFamilyView | null;
  /** The office the person was transferred to, until it accepts or declines the case. */
  @ApiProperty({ type: String, nullable: true }) pendingTransferTo!: string | null;
  /** The follow-up visits scheduled at the hand-over, in order. */
  @ApiProperty({ type: [FollowUpView] }) followUps!: readonly FollowUpView[];
  /** Whether the person's death was recorded. */
  @ApiProperty({ type: Boolean }) died!: boolean;
  /** Null until the case is closed. */
  @ApiProperty({ enum: CASE_OUTCOMES, nullable: true }) outcome!: CaseOutcome | null;
  /** The reunification stream's version: the ETag to send back as If-Match. */
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
}
