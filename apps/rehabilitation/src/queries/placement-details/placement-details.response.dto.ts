import { ApiProperty } from '@nestjs/swagger';
import {
  ATENSI_CATALOGUE_VERSIONS,
  ATENSI_SERVICE_TYPE_CODES,
  ATENSI_SUBTYPE_CODES,
} from '../../application/reference-codes';
import { ATENSI_SETTINGS, type AtensiSetting } from '../../domain/atensi/atensi-settings';
import { PLACEMENT_STATUSES, type PlacementStatus } from '../../domain/placement/placement.state';
import {
  DECLINE_REASONS,
  PLACEMENT_KINDS,
  TERMINATION_REASONS,
  type DeclineReason,
  type PlacementKind,
  type TerminationReason,
} from '../../domain/placement/placement.vocabulary';

const UUID = { type: String, format: 'uuid' } as const;
const DATE = { type: String, format: 'date' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;

/** An ATENSI service the plan names (GET /reference-data/atensi-services lists them). */
export class PlannedAtensiService {
  @ApiProperty({ enum: ATENSI_SERVICE_TYPE_CODES }) serviceType!: string;
  /** Null when the plan names the service type as a whole. */
  @ApiProperty({ enum: ATENSI_SUBTYPE_CODES, nullable: true }) subtype!: string | null;
}

/** The ATENSI plan in force: the latest agreed. */
export class AtensiPlanView {
  /** 1 for the first plan; each revision replaces the previous one. */
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  /** The ATENSI catalogue the service codes belong to. */
  @ApiProperty({ enum: ATENSI_CATALOGUE_VERSIONS }) catalogueVersion!: string;
  @ApiProperty({ type: [PlannedAtensiService] }) services!: PlannedAtensiService[];
  @ApiProperty({ enum: ATENSI_SETTINGS }) setting!: AtensiSetting;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'date' } }) reviewDates!: string[];
}

export class PlacementTermination {
  @ApiProperty({ enum: TERMINATION_REASONS }) reason!: TerminationReason;
  @ApiProperty(DATE_TIME) at!: string;
}

/** A placement as its panti and its office read it now: where it stands, no personal details. */
export class PlacementDetailsResponse {
  @ApiProperty(UUID) placementId!: string;
  @ApiProperty(UUID) caseId!: string;
  @ApiProperty(UUID) personId!: string;
  /** The panti/balai the placement is addressed to. */
  @ApiProperty({ type: String }) pantiId!: string;
  /** The Dinas Sosial office that owns the case now. */
  @ApiProperty({ type: String }) officeId!: string;
  @ApiProperty({ enum: PLACEMENT_KINDS }) kind!: PlacementKind;
  @ApiProperty({ enum: PLACEMENT_STATUSES }) status!: PlacementStatus;
  /** The placement stream's version: the ETag to send back as If-Match. */
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty(DATE_TIME) requestedAt!: string;
  /** While pending (`requested`, `waitlisted`): whether a bed is held for it; false otherwise. */
  @ApiProperty({ type: Boolean }) bedReserved!: boolean;
  /** While pending and no bed is held: the place in the panti's queue now, from 1. */
  @ApiProperty({ type: 'integer', minimum: 1, nullable: true }) queuePosition!: number | null;
  /** Null until the panti admits the resident. */
  @ApiProperty({ ...DATE_TIME, nullable: true }) admittedAt!: string | null;
  /** The wisma or ward, as the panti names it. */
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) bed!: string | null;
  /** Null until a plan is agreed. */
  @ApiProperty({ type: AtensiPlanView, nullable: true }) plan!: AtensiPlanView | null;
  /** How many ATENSI services were recorded. */
  @ApiProperty({ type: 'integer', minimum: 0 }) servicesDelivered!: number;
  /** How many progress reviews were recorded. */
  @ApiProperty({ type: 'integer', minimum: 0 }) reviews!: number;
  /** The next review: the plan's first review date, then what the last review set. */
  @ApiProperty({ ...DATE, nullable: true }) nextReviewOn!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) relapses!: number;
  /** The RSJ the resident is in after a relapse. */
  @ApiProperty({ type: String, nullable: true }) rsjId!: string | null;
  @ApiProperty({ enum: DECLINE_REASONS, nullable: true }) declineReason!: DeclineReason | null;
  @ApiProperty({ type: PlacementTermination, nullable: true }) termination!: PlacementTermination | null;
}
