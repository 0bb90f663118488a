import type { ComplaintEvent } from './complaint.events';
import type { ComplaintOutcome, ComplaintStatus } from './complaint.vocabulary';

export interface FiledComplaint {
  status: ComplaintStatus;
  complaintId: string;
  personId: string;
  filedBy: string;
  /** The agency that answers now. */
  routedTo: string;
  /** Every agency it was routed to, the current one last: each stays a party and may read it. */
  addressees: readonly string[];
  /** YYYY-MM-DD: the last day of the current addressee to answer. */
  answerBy: string;
  outcome: ComplaintOutcome | null;
}

export type ComplaintState = { status: 'none' } | FiledComplaint;

export const initialComplaintState: ComplaintState = { status: 'none' };

export function evolveComplaint(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (event.type === 'ComplaintFiled') {
    const { complaintId, personId, filedBy, routedTo, answerBy } = event.data;
    return {
      status: 'open',
      complaintId,
      personId,
      filedBy,
      routedTo,
      addressees: [routedTo],
      answerBy,
      outcome: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ComplaintAnswered':
      return { ...state, status: 'answered' };
    case 'ComplaintEscalated':
      return {
        ...state,
        routedTo: event.data.routedTo,
        addressees: [...state.addressees, event.data.routedTo],
        answerBy: event.data.answerBy,
      };
    case 'ComplaintClosed':
      return { ...state, status: 'closed', outcome: event.data.outcome };
  }
}
