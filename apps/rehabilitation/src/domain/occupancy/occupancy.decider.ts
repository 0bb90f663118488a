import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { Decider } from '@lintas/event-store/decider';
import { isDinasSosial, type Actor } from '../actor';
import { pantiDecider } from '../panti/panti.decider';
import { isPantiEvent, type PantiEvent } from '../panti/panti.events';
import { holderOf, routeNewRequest, type PantiState } from '../panti/panti.state';
import type { PlacementEvent } from '../placement/placement.events';
import { evolvePlacement } from '../placement/placement.evolve';
import {
  existingPlacement,
  isOwningOffice,
  requireAddressedPanti,
  requirePantiOrOffice,
} from '../placement/placement.guards';
import {
  HOLDING_BED,
  initialPlacementState,
  PENDING,
  refOf,
  type Placement,
  type PlacementState,
} from '../placement/placement.state';
import type {
  AdmitResident,
  DeclinePlacement,
  OccupancyCommand,
  RequestPlacement,
  TerminateRehabilitation,
  WithdrawPlacementRequest,
} from './occupancy.commands';

/** The placement and the bed book of the panti it is addressed to, folded from both streams. */
export interface OccupancyState {
  placement: PlacementState;
  panti: PantiState;
}

export type OccupancyEvent = PlacementEvent | PantiEvent;

/**
 * Every decision that takes or frees a place in a panti. The placement's rules (who may act, in
 * which status) come first; the panti's bed book then guards capacity and the order of the queue.
 * Events go to the stream they belong to: `isPantiEvent` tells the panti's from the placement's.
 *
 * Beds are held, not freed, while a resident is in an RSJ after a relapse or has absconded: they
 * come back to the same placement, and the waiting list would otherwise take their bed. The bed
 * frees only on termination (ready to return, transferred, long-term elsewhere, absconded for good,
 * died), on a decline, or on a withdrawn request.
 */
export const occupancyDecider: Decider<OccupancyCommand, OccupancyEvent, OccupancyState> = {
  decide(command, state) {
    switch (command.type) {
      case 'RequestPlacement':
        return request(command, state);
      case 'AdmitResident':
        return admit(command, state);
      case 'DeclinePlacement':
        return decline(command, state);
      case 'WithdrawPlacementRequest':
        return withdraw(command, state);
      case 'TerminateRehabilitation':
        return terminate(command, state);
    }
  },
  evolve(state, event) {
    return isPantiEvent(event)
      ? { ...state, panti: pantiDecider.evolve(state.panti, event) }
      : { ...state, placement: evolvePlacement(state.placement, event) };
  },
  initialState: { placement: initialPlacementState, panti: pantiDecider.initialState },
};

function request(command: RequestPlacement, state: OccupancyState): OccupancyEvent[] {
  const { placementId, caseId, personId, pantiId, kind, cluster, reason, actor, at } = command;
  if (!isDinasSosial(actor)) {
    throw new DomainError(
      'placement.requester-not-dinas-sosial',
      'a placement is requested by a Dinas Sosial office',
      'forbidden',
    );
  }
  if (state.placement.status !== 'none') {
    throw new DomainError('placement.already-requested', `placement ${placementId} was already requested`);
  }
  const ref = { placementId, caseId, personId, pantiId };
  const requested: OccupancyEvent = {
    type: 'PlacementRequested',
    data: { ...ref, officeId: actor.agencyId, kind, cluster, reason, at },
  };
  const route = routeNewRequest(state.panti);
  if (route.to === 'declined-full') {
    return [requested, { type: 'PlacementDeclined', data: { ...ref, reason: 'full', note: null, at } }];
  }
  const bedBook = pantiDecider.decide(
    { type: 'ReceivePlacementRequest', pantiId, placementId, actor, at },
    state.panti,
  );
  if (route.to === 'bed') return [requested, ...bedBook];
  return [
    requested,
    ...bedBook,
    { type: 'PlacementWaitlisted', data: { ...ref, queuePosition: route.queuePosition, at } },
  ];
}

function admit(command: AdmitResident, state: OccupancyState): OccupancyEvent[] {
  const placement = existingPlacement(state.placement, command.placementId);
  requireAddressedPanti(command.actor, placement);
  requirePending(placement);
  const { placementId, unit, bed, actor, at } = command;
  const { pantiId } = placement;
  return [
    ...pantiDecider.decide({ type: 'OccupyBed', pantiId, placementId, unit, bed, actor, at }, state.panti),
    { type: 'PlacedInPanti', data: { ...refOf(placement), unit, bed, admittedAt: at } },
  ];
}

function decline(command: DeclinePlacement, state: OccupancyState): OccupancyEvent[] {
  const placement = existingPlacement(state.placement, command.placementId);
  requireAddressedPanti(command.actor, placement);
  requirePending(placement);
  const { placementId, reason, note, actor, at } = command;
  const { pantiId } = placement;
  if (reason === 'full' && holderOf(state.panti, placementId)) {
    throw new DomainError(
      'placement.bed-reserved',
      'a bed is reserved for this placement: admit it, or decline for another reason',
    );
  }
  return [
    ...pantiDecider.decide(
      { type: 'ReleasePlacement', pantiId, placementId, reason: 'declined', actor, at },
      state.panti,
    ),
    { type: 'PlacementDeclined', data: { ...refOf(placement), reason, note, at } },
  ];
}

function withdraw(command: WithdrawPlacementRequest, state: OccupancyState): OccupancyEvent[] {
  const placement = existingPlacement(state.placement, command.placementId);
  const { placementId, reason, actor, at } = command;
  if (!isOwningOffice(actor, placement) && !(reason === 'died' && mayReportDeath(actor))) {
    throw new NotAPartyError(
      'placement',
      'placement.not-owning-office',
      'only the office that owns the case withdraws its request',
    );
  }
  requirePending(placement);
  const { pantiId } = placement;
  return [
    ...pantiDecider.decide(
      { type: 'ReleasePlacement', pantiId, placementId, reason: 'withdrawn', actor, at },
      state.panti,
    ),
    { type: 'PlacementWithdrawn', data: { placementId, reason, at } },
  ];
}

function terminate(command: TerminateRehabilitation, state: OccupancyState): OccupancyEvent[] {
  const placement = existingPlacement(state.placement, command.placementId);
  const { placementId, reason, recommendations, actor, at } = command;
  if (!(reason === 'died' && mayReportDeath(actor))) requirePantiOrOffice(actor, placement);
  if (placement.status === 'terminated') {
    throw new DomainError('placement.already-terminated', 'the rehabilitation has already been terminated');
  }
  if (!HOLDING_BED.includes(placement.status)) {
    throw new DomainError('placement.not-admitted', `only an admitted resident is terminated (${placement.status})`);
  }
  if (reason === 'absconded' && placement.status !== 'absconded') {
    throw new DomainError('placement.not-absconded', 'termination for absconding follows a reported absconding');
  }
  const { pantiId } = placement;
  return [
    ...pantiDecider.decide(
      { type: 'ReleasePlacement', pantiId, placementId, reason: 'terminated', actor, at },
      state.panti,
    ),
    {
      type: 'RehabilitationTerminated',
      data: { ...refOf(placement), officeId: placement.officeId, reason, recommendations, at },
    },
  ];
}

function requirePending(placement: Placement): void {
  if (HOLDING_BED.includes(placement.status)) {
    throw new DomainError('placement.already-admitted', 'the person has already been admitted');
  }
  if (!PENDING.includes(placement.status)) {
    throw new DomainError('placement.not-pending', `the request is no longer open (${placement.status})`);
  }
}

/** Death stops every open flow, whoever learns of it first (docs/domain.md, "Variants": death). */
function mayReportDeath(actor: Actor): boolean {
  return actor.kind === 'rsj' || actor.kind === 'panti' || actor.kind === 'admin' || isDinasSosial(actor);
}
