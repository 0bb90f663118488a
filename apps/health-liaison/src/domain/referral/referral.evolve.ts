import type { ReferralEvent } from './referral.events';
import type { ReferralState } from './referral.state';

export function evolveReferral(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'RsjReferralRequested') {
    const { referralId, caseId, personId, rsjId, officeId, urgency, guarantee } = event.data;
    return {
      status: 'requested',
      ref: { referralId, caseId, personId, rsjId },
      officeId,
      urgency,
      guarantee,
      returnToPlacementId: event.data.returnToPlacementId,
      redirectedFromReferralId: event.data.redirectedFromReferralId,
    };
  }
  // Any other event presupposes a request; a stream that starts otherwise is not this aggregate's.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ReferralLetterSent':
      return { ...state, letter: event.data.letter };
    case 'PaymentGuaranteeRecorded':
      return { ...state, guarantee: event.data.guarantee };
    case 'RsjReferralAccepted':
      return { ...state, status: 'accepted' };
    case 'RsjReferralDeclined':
      return { ...state, status: 'declined' };
    case 'RsjReferralRedirected':
      return {
        ...state,
        status: 'redirected',
        redirectedTo: { referralId: event.data.newReferralId, rsjId: event.data.toRsjId },
      };
    case 'RsjReferralWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'ReferralMovedToOffice':
      return { ...state, officeId: event.data.toOfficeId };
    case 'PatientAdmitted':
      return { ...state, status: 'admitted', admittedAt: event.data.admittedAt };
    case 'TreatmentNoteRecorded':
      return state;
    case 'PatientDischarged':
      return { ...state, status: 'discharged' };
    case 'PatientAbsconded':
      return { ...state, status: 'absconded' };
    case 'PersonDied':
      return { ...state, status: 'dead' };
  }
}
