import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { Actor } from '../actor';
import type { MoveCaseOwnership, RecordTransferDeclined, TransferToRegionOfOrigin } from './reunification.commands';
import type { CaseOwnershipMoved, TransferDeclined, TransferredToRegionOfOrigin } from './reunification.events';
import {
  refOf,
  requireActive,
  requireLocatedFamily,
  requireNotConcluded,
  requireStarted,
  withLocatedFamily,
} from './reunification.guards';
import type { LocatedFamily, OpenedReunification, ReunificationState } from './reunification.state';

const kabKota = (regionCode: string) => regionCode.slice(0, 4);

/**
 * Return to the region of origin (docs/domain.md, "Steps": family): the Dinas Sosial where the family lives
 * receives the person and completes the reunification once it owns the case. Intake's acceptance
 * may come before the person travels or after; either way the sending office records the move.
 */
export function transferToRegionOfOrigin(
  command: TransferToRegionOfOrigin,
  state: ReunificationState,
): TransferredToRegionOfOrigin[] {
  const active = requireActive(state);
  const acceptedFirst = active.movedFrom === command.actor.agencyId && command.toOfficeId === active.owningOfficeId;
  const open = acceptedFirst ? handOverToNewOwner(active) : handOverToAnotherOffice(state, command);
  if (kabKota(open.family.regionCode) === kabKota(command.actor.regionCode)) {
    throw new DomainError(
      'reunification.family-in-office-region',
      'the family lives in the region of the sending office; no transfer is needed',
    );
  }
  if (open.family.readiness === 'refuses') {
    throw new DomainError('reunification.family-declined', 'the family has declined the return');
  }
  const { toOfficeId, escort, handedTo, at } = command;
  return [
    {
      type: 'TransferredToRegionOfOrigin',
      data: {
        ...refOf(open),
        fromOfficeId: command.actor.agencyId,
        toOfficeId,
        ...(escort === undefined ? {} : { escort }),
        ...(handedTo === undefined ? {} : { handedTo }),
        at,
      },
    },
  ];
}

function handOverToNewOwner(active: OpenedReunification): OpenedReunification & { family: LocatedFamily } {
  requireNotConcluded(active);
  return withLocatedFamily(active);
}

function handOverToAnotherOffice(
  state: ReunificationState,
  command: { actor: Actor; toOfficeId: string },
): OpenedReunification & { family: LocatedFamily } {
  const open = requireLocatedFamily(state, command.actor);
  if (command.toOfficeId === open.owningOfficeId) {
    throw new DomainError('reunification.transfer-to-own-office', 'a transfer goes to another office', 'invalid');
  }
  return open;
}

/**
 * Intake owns the question of who owns the case; this stream follows its CaseTransferAccepted, so a
 * transfer we did not start, or one we missed, still moves the case here.
 */
export function moveCaseOwnership(command: MoveCaseOwnership, state: ReunificationState): CaseOwnershipMoved[] {
  const started = requireStarted(state);
  if (started.status === 'closed' || started.owningOfficeId === command.toOfficeId) return [];
  if (command.actor.agencyId !== command.toOfficeId) {
    throw new NotAPartyError(
      'reunification',
      'reunification.not-receiving-office',
      'only the receiving office accepts a case',
    );
  }
  const { toOfficeId, at } = command;
  return [
    {
      type: 'CaseOwnershipMoved',
      data: { ...refOf(started), officeId: toOfficeId, fromOfficeId: started.owningOfficeId, toOfficeId, at },
    },
  ];
}

/** Only a decline of the transfer we are waiting for matters here; intake's other transfers do not. */
export function recordTransferDeclined(command: RecordTransferDeclined, state: ReunificationState): TransferDeclined[] {
  const started = requireStarted(state);
  if (started.status === 'closed' || started.pendingTransferTo !== command.toOfficeId) return [];
  if (command.actor.agencyId !== command.toOfficeId) {
    throw new NotAPartyError(
      'reunification',
      'reunification.not-receiving-office',
      'only the receiving office declines a case',
    );
  }
  return [{ type: 'TransferDeclined', data: { ...refOf(started), toOfficeId: command.toOfficeId, at: command.at } }];
}
