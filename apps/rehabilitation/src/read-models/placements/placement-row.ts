import type { PlacementStatus } from '../../domain/placement/placement.state';
import type { PlacementKind } from '../../domain/placement/placement.vocabulary';

/** A row of the placements read model, as the work queues and the case's office read it. */
export interface PlacementRow {
  placementId: string;
  caseId: string;
  personId: string;
  pantiId: string;
  officeId: string;
  kind: PlacementKind;
  status: PlacementStatus;
  requestedAt: string;
  admittedAt: string | null;
  unit: string | null;
  bed: string | null;
  relapses: number;
}

/** The select list of a PlacementRow, from the placements table aliased `p`. */
export const PLACEMENT_COLUMNS = `p.placement_id AS "placementId", p.case_id AS "caseId", p.person_id AS "personId",
  p.panti_id AS "pantiId", p.office_id AS "officeId", p.kind, p.status,
  to_char(p.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "requestedAt",
  to_char(p.admitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "admittedAt",
  p.unit, p.bed, p.relapses`;
