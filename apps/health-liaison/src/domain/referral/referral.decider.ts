import type { Decider } from '@lintas/event-store/decider';
import type { ReferralCommand } from './referral.commands';
import { reportAbsconding, reportDeath } from './referral.endings';
import type { ReferralEvent } from './referral.events';
import { evolveReferral } from './referral.evolve';
import { requireReferral } from './referral.guards';
import {
  acceptReferral,
  admitPatient,
  declineReferral,
  dischargePatient,
  recordTreatmentNote,
} from './referral.hospital-decisions';
import {
  moveReferralToOffice,
  recordPaymentGuarantee,
  sendReferralLetter,
  withdrawReferral,
} from './referral.office-decisions';
import { redirectReferral } from './referral.redirect';
import { requestReferral } from './referral.request';
import { initialReferralState, type ReferralState } from './referral.state';

/**
 * A referral to an RSJ: asked for by the owning Dinas Sosial office, decided, admitted and
 * discharged by the addressed RSJ. Who may act is checked before the referral's stage, so an
 * agency learns a referral's state only once it is shown to be its own.
 */
export function decideReferral(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
  if (command.type === 'RequestReferral') return requestReferral(command, state);
  const referral = requireReferral(state);
  switch (command.type) {
    case 'SendReferralLetter':
      return sendReferralLetter(command, referral);
    case 'RecordPaymentGuarantee':
      return recordPaymentGuarantee(command, referral);
    case 'AcceptReferral':
      return acceptReferral(command, referral);
    case 'DeclineReferral':
      return declineReferral(command, referral);
    case 'RedirectReferral':
      return redirectReferral(command, referral);
    case 'WithdrawReferral':
      return withdrawReferral(command, referral);
    case 'MoveReferralToOffice':
      return moveReferralToOffice(command, referral);
    case 'AdmitPatient':
      return admitPatient(command, referral);
    case 'RecordTreatmentNote':
      return recordTreatmentNote(command, referral);
    case 'DischargePatient':
      return dischargePatient(command, referral);
    case 'ReportAbsconding':
      return reportAbsconding(command, referral);
    case 'ReportDeath':
      return reportDeath(command, referral);
  }
}

export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = {
  decide: decideReferral,
  evolve: evolveReferral,
  initialState: initialReferralState,
};
