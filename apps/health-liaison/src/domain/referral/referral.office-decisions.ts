import { DomainError } from '@lintas/domain-kernel/domain-error';
import type {
  MoveReferralToOffice,
  RecordPaymentGuarantee,
  SendReferralLetter,
  WithdrawReferral,
} from './referral.commands';
import type { ReferralEvent } from './referral.events';
import { requireLive, requireOffice, requireOpen, requireOwningOffice, requireStatus } from './referral.guards';
import type { Referral } from './referral.state';
import type { PaymentGuarantee } from './referral.vocabulary';

export function sendReferralLetter(command: SendReferralLetter, referral: Referral): ReferralEvent[] {
  requireOwningOffice(referral, command.actor);
  requireOpen(referral);
  return [{ type: 'ReferralLetterSent', data: { ...referral.ref, letter: command.letter, at: command.at } }];
}

export function recordPaymentGuarantee(command: RecordPaymentGuarantee, referral: Referral): ReferralEvent[] {
  requireOwningOffice(referral, command.actor);
  requireOpen(referral);
  if (isSameGuarantee(referral.guarantee, command.guarantee)) return [];
  return [
    { type: 'PaymentGuaranteeRecorded', data: { ...referral.ref, guarantee: command.guarantee, at: command.at } },
  ];
}

/** Pending means the person has not reached the ward yet: requested, or accepted and awaited. */
export function withdrawReferral(command: WithdrawReferral, referral: Referral): ReferralEvent[] {
  requireOwningOffice(referral, command.actor);
  requireOpen(referral);
  requireStatus(referral, ['requested', 'accepted'], 'referral.not-pending');
  return [{ type: 'RsjReferralWithdrawn', data: { ...referral.ref, reason: command.reason, at: command.at } }];
}

/**
 * Follows a case transfer that intake decided (CaseTransferAccepted), so it is given by the
 * accepting office and only checks that the referral still belongs to the office it leaves.
 * The rules would move a closed referral too; the transfer reaction only moves open ones.
 */
export function moveReferralToOffice(command: MoveReferralToOffice, referral: Referral): ReferralEvent[] {
  requireOffice(command.actor);
  requireLive(referral);
  const toOfficeId = command.actor.agencyId;
  if (referral.officeId === toOfficeId) return [];
  if (referral.officeId !== command.fromOfficeId) {
    throw new DomainError('referral.office-mismatch', 'the referral is not owned by the office the case left');
  }
  return [
    {
      type: 'ReferralMovedToOffice',
      data: { ...referral.ref, fromOfficeId: referral.officeId, toOfficeId, at: command.at },
    },
  ];
}

function isSameGuarantee(current: PaymentGuarantee, next: PaymentGuarantee): boolean {
  return (
    current.kind === next.kind &&
    current.reference === next.reference &&
    current.issuer === next.issuer &&
    current.validUntil === next.validUntil
  );
}
