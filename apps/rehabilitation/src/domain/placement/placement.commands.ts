import type { Actor } from '../actor';
import type { AtensiSetting } from '../atensi/atensi-settings';
import type { FunctioningScore, PlannedService } from './placement.events';
import type { RelapseReporter } from './placement.vocabulary';

/**
 * Commands on a placement alone. Those that also take or free a bed (request, admit, decline,
 * withdraw, terminate) are occupancy commands, decided with the panti's bed book.
 */
export type PlacementCommand =
  | AgreeAtensiPlan
  | RecordAtensiService
  | RecordProgressReview
  | ReportRelapse
  | ReturnResidentFromRsj
  | ReportAbsconding
  | ReturnAbscondedResident
  | TransferPlacementOwnership;

interface PlacementCommandBase {
  placementId: string;
  actor: Actor;
  /** When it happened in the field, or now. */
  at: string;
}

export interface AgreeAtensiPlan extends PlacementCommandBase {
  type: 'AgreeAtensiPlan';
  catalogueVersion: string;
  goals: string[];
  plannedServices: PlannedService[];
  setting: AtensiSetting;
  familyInvolved: boolean;
  familyInvolvementNote: string | null;
  reviewDates: string[];
}

export interface RecordAtensiService extends PlacementCommandBase {
  type: 'RecordAtensiService';
  serviceType: string;
  subtype: string | null;
  deliveredOn: string;
  deliveredBy: string;
  durationMinutes: number | null;
  notes: string | null;
}

export interface RecordProgressReview extends PlacementCommandBase {
  type: 'RecordProgressReview';
  instrumentVersion: string;
  reviewedOn: string;
  reviewedBy: string;
  scores: FunctioningScore[];
  summary: string | null;
  nextReviewOn: string | null;
}

export interface ReportRelapse extends PlacementCommandBase {
  type: 'ReportRelapse';
  rsjId: string;
  reportedBy: RelapseReporter;
  signsObserved: string | null;
}

/** The resident comes back from the RSJ after a relapse: health-liaison's PatientDischarged names the placement. */
export interface ReturnResidentFromRsj extends PlacementCommandBase {
  type: 'ReturnResidentFromRsj';
  rsjId: string | null;
  referralId: string | null;
}

export interface ReportAbsconding extends PlacementCommandBase {
  type: 'ReportAbsconding';
  lastSeen: string | null;
}

export interface ReturnAbscondedResident extends PlacementCommandBase {
  type: 'ReturnAbscondedResident';
}

export interface TransferPlacementOwnership extends PlacementCommandBase {
  type: 'TransferPlacementOwnership';
  toOfficeId: string;
}
