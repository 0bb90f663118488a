import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { Decider } from '@lintas/event-store/decider';
import type { Actor } from '../actor';
import type {
  OccupyBed,
  PantiCommand,
  ReceivePlacementRequest,
  ReleasePlacement,
  SetPantiCapacity,
} from './panti.commands';
import type { PantiEvent } from './panti.events';
import {
  freeBeds,
  holderOf,
  initialPantiState,
  queuePositionOf,
  routeNewRequest,
  type PantiState,
} from './panti.state';

/** Far above any panti in the sources (the largest UPTs hold a few hundred); catches typos. */
const MAX_BEDS = 10_000;

export const pantiDecider: Decider<PantiCommand, PantiEvent, PantiState> = {
  decide(command, state) {
    switch (command.type) {
      case 'SetPantiCapacity':
        return setCapacity(command, state);
      case 'ReceivePlacementRequest':
        return receiveRequest(command, state);
      case 'OccupyBed':
        return occupyBed(command, state);
      case 'ReleasePlacement':
        return release(command, state);
    }
  },
  evolve,
  initialState: initialPantiState,
};

function setCapacity(command: SetPantiCapacity, state: PantiState): PantiEvent[] {
  if (!mayManage(command.actor, command.pantiId)) {
    throw new DomainError('panti.not-own-capacity', 'only the panti itself or an admin sets its capacity', 'forbidden');
  }
  if (!isCount(command.beds) || command.beds > MAX_BEDS) {
    throw new DomainError('panti.invalid-capacity', `beds must be a whole number from 0 to ${MAX_BEDS}`, 'invalid');
  }
  if (command.waitlistLimit !== null && !isCount(command.waitlistLimit)) {
    throw new DomainError(
      'panti.invalid-waitlist-limit',
      'the waiting-list limit must be a whole number or none',
      'invalid',
    );
  }
  if (command.beds === state.beds && command.waitlistLimit === state.waitlistLimit) return [];
  const set: PantiEvent = {
    type: 'PantiCapacitySet',
    data: { pantiId: command.pantiId, beds: command.beds, waitlistLimit: command.waitlistLimit, at: command.at },
  };
  // Lowering capacity evicts nobody: beds already held stay held and the panti fills up again
  // only as they free.
  return [set, ...reserveForHeads(evolve(state, set), command.pantiId, command.at)];
}

function receiveRequest(command: ReceivePlacementRequest, state: PantiState): PantiEvent[] {
  const { pantiId, placementId, at } = command;
  if (holderOf(state, placementId) || queuePositionOf(state, placementId) > 0) {
    throw new DomainError('panti.request-already-received', `placement ${placementId} is already known to this panti`);
  }
  const route = routeNewRequest(state);
  switch (route.to) {
    case 'bed':
      return [{ type: 'BedReserved', data: { pantiId, placementId, at } }];
    case 'waiting-list':
      return [{ type: 'WaitingListJoined', data: { pantiId, placementId, queuePosition: route.queuePosition, at } }];
    case 'declined-full':
      throw new DomainError('panti.full', 'no free bed and the waiting list is full');
  }
}

function occupyBed(command: OccupyBed, state: PantiState): PantiEvent[] {
  const { pantiId, placementId, unit, bed, at } = command;
  const holder = holderOf(state, placementId);
  if (!holder) {
    const position = queuePositionOf(state, placementId);
    if (position > 0) {
      throw new DomainError(
        'panti.no-free-bed',
        `no bed is free for this placement; it is number ${position} in the queue`,
      );
    }
    throw new DomainError('panti.unknown-placement', `placement ${placementId} has no bed and is not waiting here`);
  }
  if (holder.occupied) throw new DomainError('panti.already-occupied', `placement ${placementId} already has a bed`);
  if (bed !== null && state.holders.some((other) => other.occupied?.unit === unit && other.occupied.bed === bed)) {
    throw new DomainError('panti.bed-taken', `bed ${bed} in unit ${unit ?? '-'} is taken`);
  }
  return [{ type: 'BedOccupied', data: { pantiId, placementId, unit, bed, at } }];
}

function release(command: ReleasePlacement, state: PantiState): PantiEvent[] {
  const { pantiId, placementId, reason, at } = command;
  if (holderOf(state, placementId)) {
    const released: PantiEvent = { type: 'BedReleased', data: { pantiId, placementId, reason, at } };
    return [released, ...reserveForHeads(evolve(state, released), pantiId, at)];
  }
  if (queuePositionOf(state, placementId) > 0 && reason !== 'terminated') {
    return [{ type: 'WaitingListLeft', data: { pantiId, placementId, reason, at } }];
  }
  throw new DomainError('panti.unknown-placement', `placement ${placementId} holds no bed here`);
}

/** Admission from the waiting list is in order only: each free bed goes to the first who waits. */
function reserveForHeads(state: PantiState, pantiId: string, at: string): PantiEvent[] {
  return state.waitingList
    .slice(0, freeBeds(state))
    .map((placementId) => ({ type: 'BedReserved', data: { pantiId, placementId, at } }));
}

function evolve(state: PantiState, event: PantiEvent): PantiState {
  switch (event.type) {
    case 'PantiCapacitySet':
      return { ...state, beds: event.data.beds, waitlistLimit: event.data.waitlistLimit };
    case 'BedReserved':
      return {
        ...state,
        holders: [...state.holders, { placementId: event.data.placementId, occupied: null }],
        waitingList: state.waitingList.filter((id) => id !== event.data.placementId),
      };
    case 'WaitingListJoined':
      return { ...state, waitingList: [...state.waitingList, event.data.placementId] };
    case 'WaitingListLeft':
      return { ...state, waitingList: state.waitingList.filter((id) => id !== event.data.placementId) };
    case 'BedOccupied': {
      const { placementId, unit, bed } = event.data;
      return {
        ...state,
        holders: state.holders.map((holder) =>
          holder.placementId === placementId ? { placementId, occupied: { unit, bed } } : holder,
        ),
      };
    }
    case 'BedReleased':
      return { ...state, holders: state.holders.filter((holder) => holder.placementId !== event.data.placementId) };
  }
}

function mayManage(actor: Actor, pantiId: string): boolean {
  return actor.kind === 'admin' || (actor.kind === 'panti' && actor.agencyId === pantiId);
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}
