import { DomainError } from '@lintas/domain-kernel/domain-error';
import type {
  AcceptReferral,
  AdmitPatient,
  DeclineReferral,
  DischargePatient,
  RecordTreatmentNote,
} from './referral.commands';
import type { ReferralEvent } from './referral.events';
import { isBefore, requireAddressee, requireOpen, requireStatus } from './referral.guards';
import type { Referral } from './referral.state';

export function acceptReferral(command: AcceptReferral, referral: Referral): ReferralEvent[] {
  requireAddressee(referral, command.actor);
  requireOpen(referral);
  requireStatus(referral, ['requested'], 'referral.already-decided');
  return [
    {
      type: 'RsjReferralAccepted',
      data: {
        ...referral.ref,
        at: command.at,
        ...(command.expectedAdmissionOn && { expectedAdmissionOn: command.expectedAdmissionOn }),
      },
    },
  ];
}

export function declineReferral(command: DeclineReferral, referral: Referral): ReferralEvent[] {
  requireAddressee(referral, command.actor);
  // 'other' says nothing by itself; the office needs the note to know where to send the person next.
  if (command.reason === 'other' && !command.note?.trim()) {
    throw new DomainError('referral.decline-note-required', "a decline for 'other' needs a note", 'invalid');
  }
  requireOpen(referral);
  requireStatus(referral, ['requested'], 'referral.already-decided');
  return [
    {
      type: 'RsjReferralDeclined',
      data: { ...referral.ref, reason: command.reason, ...(command.note && { note: command.note }), at: command.at },
    },
  ];
}

export function admitPatient(command: AdmitPatient, referral: Referral): ReferralEvent[] {
  requireAddressee(referral, command.actor);
  requireOpen(referral);
  if (referral.status === 'admitted') throw new DomainError('referral.already-admitted', 'the patient is admitted');
  requireStatus(referral, ['accepted'], 'referral.not-accepted');
  return [
    {
      type: 'PatientAdmitted',
      data: {
        ...referral.ref,
        admittedAt: command.at,
        ward: command.ward,
        hospitalRecordNumber: command.hospitalRecordNumber,
      },
    },
  ];
}

export function recordTreatmentNote(command: RecordTreatmentNote, referral: Referral): ReferralEvent[] {
  requireAddressee(referral, command.actor);
  requireOpen(referral);
  requireStatus(referral, ['admitted'], 'referral.not-admitted');
  return [{ type: 'TreatmentNoteRecorded', data: { ...referral.ref, note: command.note, at: command.at } }];
}

export function dischargePatient(command: DischargePatient, referral: Referral): ReferralEvent[] {
  requireAddressee(referral, command.actor);
  checkRecommendation(command);
  requireOpen(referral);
  requireStatus(referral, ['admitted'], 'referral.not-admitted');
  if (referral.admittedAt && isBefore(command.at, referral.admittedAt)) {
    throw new DomainError('referral.before-admission', 'the discharge is dated before the admission', 'invalid');
  }
  return [
    {
      type: 'PatientDischarged',
      data: {
        ...referral.ref,
        officeId: referral.officeId,
        dischargedAt: command.at,
        dischargeType: command.dischargeType,
        recommendation: command.recommendation,
        ...(command.pantiId && { pantiId: command.pantiId }),
        ...(referral.returnToPlacementId && { returnToPlacementId: referral.returnToPlacementId }),
        medicationPlan: command.medicationPlan,
        ...(command.summary && { summary: command.summary }),
        ...(command.nextControlDate && { nextControlDate: command.nextControlDate }),
      },
    },
  ];
}

function checkRecommendation(command: DischargePatient): void {
  if (command.recommendation === 'panti' && !command.pantiId) {
    throw new DomainError('referral.panti-required', 'a panti recommendation names the panti', 'invalid');
  }
  if (command.recommendation !== 'panti' && command.pantiId) {
    throw new DomainError('referral.panti-unexpected', 'only a panti recommendation names a panti', 'invalid');
  }
  // Compared with the calendar day the discharge is written in; the control date has no time of day.
  if (command.nextControlDate && command.nextControlDate < command.at.slice(0, 10)) {
    throw new DomainError('referral.control-before-discharge', 'the next control is dated before discharge', 'invalid');
  }
}
