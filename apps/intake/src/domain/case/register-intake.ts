import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import { isKabKotaCode } from '../regions/region-directory';
import { type RegisterIntake } from './case.commands';
import { type CaseEvent } from './case.events';
import { type CaseState } from './case.state';
import { assertInstant } from './case-guards';
import { caseYear, formatCaseNumber, MAX_CASE_SEQUENCE } from './case-number';

export function registerIntake(command: RegisterIntake, state: CaseState): CaseEvent[] {
  if (state.status !== 'none') throw new DomainError('case.already-registered', 'this case is already registered');
  const { actor, pickup } = command;
  if (actor.kind !== 'dinas-sosial') {
    throw new DomainError('case.not-dinas-sosial', 'cases are opened by a kabupaten/kota Dinas Sosial', 'forbidden');
  }
  if (!isKabKotaCode(actor.regionCode)) {
    throw new DomainError('case.office-without-region', 'the office has no 4-digit kabupaten/kota code', 'invalid');
  }
  assertInstant(command.at);
  if (!Number.isInteger(command.caseSequence) || command.caseSequence < 1 || command.caseSequence > MAX_CASE_SEQUENCE) {
    throw new DomainError('case.invalid-sequence', `the case sequence runs from 1 to ${MAX_CASE_SEQUENCE}`, 'invalid');
  }
  if (command.categories.some((category) => category.trim().length === 0)) {
    throw new DomainError('case.invalid-category', 'a PPKS category must not be empty', 'invalid');
  }
  if (pickup && pickup.officeId !== actor.agencyId) {
    throw new NotAPartyError('pickup', 'case.pickup-of-another-office', 'the person was handed over to another office');
  }
  if (pickup && pickup.personId !== command.personId) {
    throw new DomainError('case.person-not-of-pickup', 'the case must be for the person of the pickup', 'invalid');
  }
  return [
    {
      type: 'IntakeRegistered',
      data: {
        caseId: command.caseId,
        caseNumber: formatCaseNumber(actor.regionCode, caseYear(command.at), command.caseSequence),
        personId: command.personId,
        officeId: actor.agencyId,
        officeRegionCode: actor.regionCode,
        pickupId: pickup?.pickupId ?? null,
        foundRegionCode: pickup?.regionCode ?? actor.regionCode,
        categories: [...new Set(command.categories)],
        descriptors: command.descriptors ?? null,
        registeredAt: command.at,
      },
    },
  ];
}
