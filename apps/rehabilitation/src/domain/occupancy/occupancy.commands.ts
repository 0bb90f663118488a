import type { Actor } from '../actor';
import type { AtensiCluster } from '../atensi/atensi-settings';
import type {
  DeclineReason,
  PlacementKind,
  TerminationReason,
  WithdrawalReason,
} from '../placement/placement.vocabulary';

/**
 * Commands that change a placement and its panti's beds together. The handler loads both streams,
 * `placement-<placementId>` and `panti-<pantiId>`, and appends the events of each in one transaction.
 */
export type OccupancyCommand =
  RequestPlacement | AdmitResident | DeclinePlacement | WithdrawPlacementRequest | TerminateRehabilitation;

interface OccupancyCommandBase {
  placementId: string;
  actor: Actor;
  at: string;
}

/** From a Dinas Sosial office: its own request, or a reaction to an assessment, discharge or long-term arrangement. */
export interface RequestPlacement extends OccupancyCommandBase {
  type: 'RequestPlacement';
  caseId: string;
  personId: string;
  pantiId: string;
  kind: PlacementKind;
  cluster: AtensiCluster | null;
  reason: string | null;
}

export interface AdmitResident extends OccupancyCommandBase {
  type: 'AdmitResident';
  unit: string | null;
  bed: string | null;
}

export interface DeclinePlacement extends OccupancyCommandBase {
  type: 'DeclinePlacement';
  reason: DeclineReason;
  note: string | null;
}

export interface WithdrawPlacementRequest extends OccupancyCommandBase {
  type: 'WithdrawPlacementRequest';
  reason: WithdrawalReason;
}

export interface TerminateRehabilitation extends OccupancyCommandBase {
  type: 'TerminateRehabilitation';
  reason: TerminationReason;
  recommendations: string | null;
}
