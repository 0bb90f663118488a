import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { Actor } from '../actor';
import {
  CLOSED_STATUSES,
  TERMINAL_STATUSES,
  type Referral,
  type ReferralState,
  type ReferralStatus,
} from './referral.state';

export function requireReferral(state: ReferralState): Referral {
  if (state.status === 'none') throw new DomainError('referral.not-found', 'no such referral', 'not-found');
  return state;
}

export function isOwningOffice(referral: Referral, actor: Actor): boolean {
  return actor.kind === 'dinas-sosial' && actor.agencyId === referral.officeId;
}

export function isAddressee(referral: Referral, actor: Actor): boolean {
  return actor.kind === 'rsj' && actor.agencyId === referral.ref.rsjId;
}

export function requireOffice(actor: Actor): void {
  if (actor.kind !== 'dinas-sosial') {
    throw new DomainError('referral.not-an-office', 'only a Dinas Sosial office refers to an RSJ', 'forbidden');
  }
}

export function requireOwningOffice(referral: Referral, actor: Actor): void {
  if (!isOwningOffice(referral, actor)) {
    throw new NotAPartyError(
      'referral',
      'referral.not-owning-office',
      'only the office that owns the case may do this',
    );
  }
}

export function requireAddressee(referral: Referral, actor: Actor): void {
  if (!isAddressee(referral, actor)) {
    throw new NotAPartyError(
      'referral',
      'referral.not-addressee',
      'only the RSJ the referral is addressed to may do this',
    );
  }
}

/** Absconding and death end the referral for good: nothing is decided on it afterwards. */
export function requireLive(referral: Referral): void {
  if (TERMINAL_STATUSES.includes(referral.status)) {
    throw new DomainError('referral.terminated', `the referral ended: ${referral.status}`);
  }
}

export function requireOpen(referral: Referral): void {
  requireLive(referral);
  if (CLOSED_STATUSES.includes(referral.status)) {
    throw new DomainError('referral.closed', `the referral is closed: ${referral.status}`);
  }
}

export function requireStatus(referral: Referral, allowed: readonly ReferralStatus[], code: string): void {
  if (!allowed.includes(referral.status)) throw new DomainError(code, `the referral is ${referral.status}`);
}

export function isBefore(instant: string, other: string): boolean {
  return Date.parse(instant) < Date.parse(other);
}
