import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { Actor } from '../actor';
import type { ReunificationRef } from './reunification.events';
import type { LocatedFamily, OpenedReunification, ReunificationState } from './reunification.state';

export function requireStarted(state: ReunificationState): OpenedReunification {
  if (state.status === 'none') throw new DomainError('reunification.not-found', 'no such reunification', 'not-found');
  return state;
}

/** Open, and the person alive: death stops every step but the closure. */
export function requireActive(state: ReunificationState): OpenedReunification {
  const started = requireOpen(state);
  if (started.died) throw new DomainError('reunification.person-died', 'the person has died; only closure is possible');
  return started;
}

export function requireOpen(state: ReunificationState): OpenedReunification {
  const started = requireStarted(state);
  if (started.status === 'closed')
    throw new DomainError('reunification.closed', `the case is closed (${started.outcome})`);
  return started;
}

/** One owning office at a time (docs/domain.md, "Case ownership"): only it may act on the case. */
export function requireOwner(state: OpenedReunification, actor: Actor): void {
  if (actor.agencyId !== state.owningOfficeId) {
    throw new NotAPartyError(
      'reunification',
      'reunification.not-owning-office',
      'only the office owning the case may act on it',
    );
  }
}

/** The person is with the receiving office; the sending one waits for it to accept or decline. */
export function requireNoPendingTransfer(state: OpenedReunification): void {
  if (state.pendingTransferTo !== null) {
    throw new DomainError('reunification.transfer-pending', 'waiting for the receiving office to accept the case');
  }
}

/** The work with the family is over once the person is home or placed long-term. */
export function requireNotConcluded(state: OpenedReunification): void {
  if (state.phase === 'reunified' || state.phase === 'long-term-placement') {
    throw new DomainError('reunification.concluded', `the reunification has concluded (${state.phase})`);
  }
}

/** The usual gate of an office's step before the person is home: active, its own, not handed on. */
export function requireOwnOpenWork(state: ReunificationState, actor: Actor): OpenedReunification {
  const active = requireActive(state);
  requireOwner(active, actor);
  requireNotConcluded(active);
  requireNoPendingTransfer(active);
  return active;
}

/** Home visits, the return and a transfer need a family, found and still the one we work with. */
export function requireLocatedFamily(
  state: ReunificationState,
  actor: Actor,
): OpenedReunification & { family: LocatedFamily } {
  return withLocatedFamily(requireOwnOpenWork(state, actor));
}

export function withLocatedFamily(open: OpenedReunification): OpenedReunification & { family: LocatedFamily } {
  const { family } = open;
  if (open.phase !== 'family-located' || family === null) {
    throw new DomainError('reunification.family-not-located', `no family has been located (${open.phase})`);
  }
  return { ...open, family };
}

export function refOf(state: OpenedReunification): ReunificationRef {
  return {
    reunificationId: state.reunificationId,
    caseId: state.caseId,
    personId: state.personId,
    officeId: state.owningOfficeId,
  };
}
