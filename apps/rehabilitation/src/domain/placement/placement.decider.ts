import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { Decider } from '@lintas/event-store/decider';
import { isDinasSosial } from '../actor';
import { checkPlan, checkReview, checkService, requireCatalogue } from './atensi.rules';
import type {
  AgreeAtensiPlan,
  PlacementCommand,
  RecordAtensiService,
  RecordProgressReview,
  ReportAbsconding,
  ReportRelapse,
  ReturnResidentFromRsj,
  ReturnAbscondedResident,
  TransferPlacementOwnership,
} from './placement.commands';
import type { PlacementEvent } from './placement.events';
import { evolvePlacement } from './placement.evolve';
import {
  existingPlacement,
  isAddressedPanti,
  isOwningOffice,
  requireAddressedPanti,
  requirePantiOrOffice,
  requireResident,
} from './placement.guards';
import { HOLDING_BED, initialPlacementState, PENDING, refOf, type PlacementState } from './placement.state';

/** A placement's life after admission: ATENSI, relapse and return, absconding, change of owner. */
export const placementDecider: Decider<PlacementCommand, PlacementEvent, PlacementState> = {
  decide(command, state) {
    switch (command.type) {
      case 'AgreeAtensiPlan':
        return agreePlan(command, state);
      case 'RecordAtensiService':
        return recordService(command, state);
      case 'RecordProgressReview':
        return recordReview(command, state);
      case 'ReportRelapse':
        return reportRelapse(command, state);
      case 'ReturnResidentFromRsj':
        return returnResidentFromRsj(command, state);
      case 'ReportAbsconding':
        return reportAbsconding(command, state);
      case 'ReturnAbscondedResident':
        return returnAbsconded(command, state);
      case 'TransferPlacementOwnership':
        return transferOwnership(command, state);
    }
  },
  evolve: evolvePlacement,
  initialState: initialPlacementState,
};

function agreePlan(command: AgreeAtensiPlan, state: PlacementState): PlacementEvent[] {
  const placement = existingPlacement(state, command.placementId);
  requireAddressedPanti(command.actor, placement);
  requireResident(placement);
  checkPlan(command);
  return [
    {
      type: 'AtensiPlanAgreed',
      data: {
        placementId: placement.placementId,
        planVersion: (placement.plan?.version ?? 0) + 1,
        catalogueVersion: command.catalogueVersion,
        goals: command.goals,
        plannedServices: command.plannedServices,
        setting: command.setting,
        familyInvolved: command.familyInvolved,
        familyInvolvementNote: command.familyInvolvementNote,
        reviewDates: command.reviewDates,
        at: command.at,
      },
    },
  ];
}

function recordService(command: RecordAtensiService, state: PlacementState): PlacementEvent[] {
  const placement = existingPlacement(state, command.placementId);
  requireAddressedPanti(command.actor, placement);
  requireResident(placement);
  if (!placement.plan) throw new DomainError('atensi.no-plan', 'services follow an agreed ATENSI plan');
  const catalogue = requireCatalogue(placement.plan.catalogueVersion);
  checkService(command, catalogue, placement.admittedAt ?? command.at);
  return [
    {
      type: 'AtensiServiceDelivered',
      data: {
        placementId: placement.placementId,
        catalogueVersion: catalogue.version,
        serviceType: command.serviceType,
        subtype: command.subtype,
        deliveredOn: command.deliveredOn,
        deliveredBy: command.deliveredBy,
        durationMinutes: command.durationMinutes,
        notes: command.notes,
        at: command.at,
      },
    },
  ];
}

function recordReview(command: RecordProgressReview, state: PlacementState): PlacementEvent[] {
  const placement = existingPlacement(state, command.placementId);
  requireAddressedPanti(command.actor, placement);
  requireResident(placement);
  if (!placement.plan) throw new DomainError('atensi.no-plan', 'a progress review measures against an agreed plan');
  checkReview(command);
  const { instrumentVersion, reviewedOn, reviewedBy, scores, summary, nextReviewOn, at } = command;
  return [
    {
      type: 'ProgressReviewed',
      data: {
        placementId: placement.placementId,
        instrumentVersion,
        reviewedOn,
        reviewedBy,
        scores,
        summary,
        nextReviewOn,
        at,
      },
    },
  ];
}

function reportRelapse(command: ReportRelapse, state: PlacementState): PlacementEvent[] {
  const placement = existingPlacement(state, command.placementId);
  requirePantiOrOffice(command.actor, placement);
  requireResident(placement);
  const { rsjId, reportedBy, signsObserved, at } = command;
  return [
    {
      type: 'RelapseReported',
      data: { ...refOf(placement), officeId: placement.officeId, rsjId, reportedBy, signsObserved, at },
    },
  ];
}

/**
 * The RSJ the resident was sent to at the relapse brings them back while they are there; the
 * panti and the owning office may too (and do, for a hospital a declined referral went on to: its
 * discharge reaches here as the owning office's).
 */
function returnResidentFromRsj(command: ReturnResidentFromRsj, state: PlacementState): PlacementEvent[] {
  const placement = existingPlacement(state, command.placementId);
  const { actor } = command;
  const rsjWithResident = actor.kind === 'rsj' && placement.status === 'in-rsj' && placement.rsjId === actor.agencyId;
  if (!rsjWithResident && !isAddressedPanti(actor, placement) && !isOwningOffice(actor, placement)) {
    throw new NotAPartyError(
      'placement',
      'placement.not-panti-office-or-rsj',
      'only the panti, the owning office or the RSJ the resident is in may bring them back',
    );
  }
  if (placement.status !== 'in-rsj') {
    throw new DomainError('placement.not-in-rsj', `the resident is not in an RSJ (${placement.status})`);
  }
  const { rsjId, referralId, at } = command;
  return [{ type: 'ResidentReturnedFromRsj', data: { placementId: placement.placementId, rsjId, referralId, at } }];
}

function reportAbsconding(command: ReportAbsconding, state: PlacementState): PlacementEvent[] {
  const placement = existingPlacement(state, command.placementId);
  requirePantiOrOffice(command.actor, placement);
  requireResident(placement);
  return [
    {
      type: 'ResidentAbsconded',
      data: { ...refOf(placement), lastSeen: command.lastSeen, at: command.at },
    },
  ];
}

function returnAbsconded(command: ReturnAbscondedResident, state: PlacementState): PlacementEvent[] {
  const placement = existingPlacement(state, command.placementId);
  requirePantiOrOffice(command.actor, placement);
  if (placement.status !== 'absconded') {
    throw new DomainError('placement.not-absconded', `the resident has not absconded (${placement.status})`);
  }
  return [{ type: 'AbscondedResidentReturned', data: { placementId: placement.placementId, at: command.at } }];
}

/** Recorded by the office that accepted the case transfer (intake's CaseTransferAccepted). */
function transferOwnership(command: TransferPlacementOwnership, state: PlacementState): PlacementEvent[] {
  const placement = existingPlacement(state, command.placementId);
  const { actor, toOfficeId } = command;
  if (actor.kind !== 'admin' && !(isDinasSosial(actor) && actor.agencyId === toOfficeId)) {
    throw new NotAPartyError(
      'placement',
      'placement.not-receiving-office',
      'only the office taking the case over records it',
    );
  }
  if (!PENDING.includes(placement.status) && !HOLDING_BED.includes(placement.status)) {
    throw new DomainError('placement.closed', `the placement has ended (${placement.status})`);
  }
  if (placement.officeId === toOfficeId) return [];
  return [
    {
      type: 'PlacementOwnershipTransferred',
      data: { placementId: placement.placementId, fromOfficeId: placement.officeId, toOfficeId, at: command.at },
    },
  ];
}
