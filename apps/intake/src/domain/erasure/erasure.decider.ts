import { DomainError } from '@lintas/domain-kernel/domain-error';
import type { Decider } from '@lintas/event-store/decider';
import { type Actor } from '../actor';
import { instantMillis } from '../time';
import { type ErasureEvent, type ErasureGround } from './erasure.events';

export interface ErasePerson {
  type: 'ErasePerson';
  personId: string;
  /** The person and every record linked with them. */
  persons: string[];
  ground: ErasureGround;
  legalBasis: string;
  actor: Actor;
  at: string;
}

export type ErasureState = { status: 'none' } | { status: 'erased'; erasedAt: string };

function decide(command: ErasePerson, state: ErasureState): ErasureEvent[] {
  if (command.actor.kind !== 'admin') {
    throw new DomainError('erasure.not-admin', 'only an admin of Lintas erases a person', 'forbidden');
  }
  if (state.status === 'erased') {
    throw new DomainError('erasure.already-erased', `the person was erased at ${state.erasedAt}`);
  }
  if (command.legalBasis.trim().length === 0) {
    throw new DomainError('erasure.legal-basis-required', 'an erasure names its legal basis', 'invalid');
  }
  if (instantMillis(command.at) === null) {
    throw new DomainError('erasure.invalid-time', 'times must be ISO 8601 instants with an offset', 'invalid');
  }
  return [
    {
      type: 'PersonErased',
      data: {
        personId: command.personId,
        persons: [...new Set([command.personId, ...command.persons])],
        ground: command.ground,
        legalBasis: command.legalBasis.trim(),
        erasedBy: command.actor.agencyId,
        erasedAt: command.at,
      },
    },
  ];
}

function evolve(_state: ErasureState, event: ErasureEvent): ErasureState {
  return { status: 'erased', erasedAt: event.data.erasedAt };
}

/** One stream per erased person: the record that, and why, their data was destroyed. */
export const erasureDecider: Decider<ErasePerson, ErasureEvent, ErasureState> = {
  decide,
  evolve,
  initialState: { status: 'none' },
};
