import { DomainError } from '@lintas/domain-kernel/domain-error';
import { type HandedOverPickup } from '../case/case.commands';
import { type PickupState } from './pickup.decider';

/** What a case needs to know of the pickup it starts from: only a person handed over can be registered. */
export function handedOverPickup(state: PickupState): HandedOverPickup {
  if (state.status === 'none') throw new DomainError('pickup.not-found', 'no such pickup', 'not-found');
  if (state.status !== 'handed-over' || state.officeId === null) {
    throw new DomainError('case.pickup-not-handed-over', 'the person has not been handed over to an office yet');
  }
  return { pickupId: state.pickupId, personId: state.personId, officeId: state.officeId, regionCode: state.regionCode };
}
