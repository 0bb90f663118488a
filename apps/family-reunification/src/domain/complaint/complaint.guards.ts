import { DomainError, NotAPartyError } from '@lintas/domain-kernel/domain-error';
import type { Actor } from '../actor';
import type { ComplaintRef } from './complaint.events';
import type { ComplaintState, FiledComplaint } from './complaint.state';

export function requireFiled(state: ComplaintState): FiledComplaint {
  if (state.status === 'none') throw new DomainError('complaint.not-found', 'no such complaint', 'not-found');
  return state;
}

/**
 * The filer and every agency it was routed to are the parties; to any other agency the complaint
 * does not exist. Checked before the complaint's status, which would tell that it exists.
 */
export function requireParty(state: ComplaintState, actor: Actor): FiledComplaint {
  const complaint = requireFiled(state);
  if (actor.agencyId !== complaint.filedBy && !complaint.addressees.includes(actor.agencyId)) {
    throw new NotAPartyError('complaint', 'complaint.not-a-party', 'not a party of this complaint');
  }
  return complaint;
}

/** The family's side: it follows the complaint, presses it when overdue, and closes it. */
export function requireFiler(state: ComplaintState, actor: Actor): FiledComplaint {
  const complaint = requireParty(state, actor);
  if (actor.agencyId !== complaint.filedBy) {
    throw new DomainError('complaint.not-filer', 'only the agency that filed the complaint may do this', 'forbidden');
  }
  return complaint;
}

/** Escalation moves the duty to answer: only the agency it is routed to now answers. */
export function requireAddressee(state: ComplaintState, actor: Actor): FiledComplaint {
  const complaint = requireParty(state, actor);
  if (actor.agencyId !== complaint.routedTo) {
    throw new DomainError(
      'complaint.not-addressee',
      'only the agency the complaint is routed to answers it',
      'forbidden',
    );
  }
  return complaint;
}

export function requireNotClosed(complaint: FiledComplaint): void {
  if (complaint.status === 'closed') {
    throw new DomainError('complaint.closed', `the complaint is closed (${complaint.outcome})`);
  }
}

export function refOf(complaint: FiledComplaint): ComplaintRef {
  const { complaintId, personId, filedBy, routedTo } = complaint;
  return { complaintId, personId, filedBy, routedTo };
}
