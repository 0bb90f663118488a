import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { ReportAbsconding, ReportDeath } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import { isAddressee, isBefore, isOwningOffice, requireAddressee, requireOpen, requireStatus } from './referral.guards';
import type { Referral } from './referral.state';

/** Terminal: the patient left the ward unannounced; the owning office is alerted and a new pickup starts anew. */
export function reportAbsconding(command: ReportAbsconding, referral: Referral): ReferralEvent[] {
  requireAddressee(referral, command.actor);
  requireOpen(referral);
  requireStatus(referral, ['admitted'], 'referral.not-admitted');
  if (referral.admittedAt && isBefore(command.at, referral.admittedAt)) {
    throw new DomainError('referral.before-admission', 'the absconding is dated before the admission', 'invalid');
  }
  return [
    {
      type: 'PatientAbsconded',
      data: { ...referral.ref, at: command.at, ...(command.lastSeen && { lastSeen: command.lastSeen }) },
    },
  ];
}

/**
 * Terminal, at any open stage: before a decision, while awaited, after a decline, on the ward.
 * Reported by the RSJ or by the owning office, whoever learns it.
 */
export function reportDeath(command: ReportDeath, referral: Referral): ReferralEvent[] {
  if (!isAddressee(referral, command.actor) && !isOwningOffice(referral, command.actor)) {
    throw new NotAPartyError(
      'referral',
      'referral.not-involved',
      'only the addressed RSJ or the owning office reports a death',
    );
  }
  requireOpen(referral);
  return [
    {
      type: 'PersonDied',
      data: {
        ...referral.ref,
        at: command.at,
        reportedBy: command.actor.agencyId,
        ...(command.place && { place: command.place }),
        ...(command.certificateReference && { certificateReference: command.certificateReference }),
      },
    },
  ];
}
