import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import { isKabKotaCode } from '../regions/region-directory';
import { type AcceptCaseTransfer, type DeclineCaseTransfer, type RequestCaseTransfer } from './case.commands';
import { type CaseEvent } from './case.events';
import { type CaseState, type RegisteredCase } from './case.state';
import { assertAlive, assertInstant, assertOpen, assertOwner, assertText, registered } from './case-guards';

/**
 * Regions dispute that a person is theirs (LKPJ Jawa Timur 2011; docs/domain.md, "Case ownership"): a
 * transfer is an explicit request by
 * the owning office that the addressed office accepts or declines; until then the case stays put.
 */
export function requestCaseTransfer(command: RequestCaseTransfer, current: CaseState): CaseEvent[] {
  const state = registered(current);
  assertOwner(state, command.actor);
  assertOpen(state);
  assertAlive(state);
  assertInstant(command.at);
  const { toOffice } = command;
  if (toOffice.kind !== 'dinas-sosial' || !isKabKotaCode(toOffice.regionCode)) {
    throw new DomainError(
      'case-transfer.not-to-dinas-sosial',
      'a case goes to a kabupaten/kota Dinas Sosial',
      'invalid',
    );
  }
  if (toOffice.agencyId === state.ownerOfficeId) {
    throw new DomainError('case-transfer.to-self', 'the office already owns the case', 'invalid');
  }
  if (state.pendingTransfer !== null) {
    throw new DomainError('case-transfer.already-pending', 'a transfer is waiting for an answer');
  }
  assertText(command.reason, 'case-transfer.reason-required', 'the reason');
  return [
    {
      type: 'CaseTransferRequested',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        fromOfficeId: state.ownerOfficeId,
        toOfficeId: toOffice.agencyId,
        toOfficeRegionCode: toOffice.regionCode,
        reason: command.reason.trim(),
        requestedAt: command.at,
      },
    },
  ];
}

export function acceptCaseTransfer(command: AcceptCaseTransfer, current: CaseState): CaseEvent[] {
  const { state, transfer } = awaitingAnswerFrom(command.actor.agencyId, current);
  assertInstant(command.at);
  return [
    {
      type: 'CaseTransferAccepted',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        fromOfficeId: state.ownerOfficeId,
        toOfficeId: transfer.toOfficeId,
        toOfficeRegionCode: transfer.toOfficeRegionCode,
        acceptedAt: command.at,
      },
    },
  ];
}

export function declineCaseTransfer(command: DeclineCaseTransfer, current: CaseState): CaseEvent[] {
  const { state, transfer } = awaitingAnswerFrom(command.actor.agencyId, current);
  assertInstant(command.at);
  assertText(command.reason, 'case-transfer.reason-required', 'the reason');
  return [
    {
      type: 'CaseTransferDeclined',
      data: {
        caseId: state.caseId,
        personId: state.personId,
        fromOfficeId: state.ownerOfficeId,
        toOfficeId: transfer.toOfficeId,
        reason: command.reason.trim(),
        declinedAt: command.at,
      },
    },
  ];
}

function awaitingAnswerFrom(
  agencyId: string,
  current: CaseState,
): { state: RegisteredCase; transfer: NonNullable<RegisteredCase['pendingTransfer']> } {
  const state = registered(current);
  const transfer = state.pendingTransfer;
  // To an office that neither owns the case nor is asked to take it, the case does not exist.
  if (agencyId !== state.ownerOfficeId && transfer?.toOfficeId !== agencyId) {
    throw new NotAPartyError('case', 'case-transfer.not-addressee', 'only the addressed office answers a transfer');
  }
  assertOpen(state);
  if (transfer === null) throw new DomainError('case-transfer.none-pending', 'no transfer is waiting for an answer');
  if (transfer.toOfficeId !== agencyId) {
    throw new DomainError('case-transfer.not-addressee', 'only the addressed office answers a transfer', 'forbidden');
  }
  return { state, transfer };
}
