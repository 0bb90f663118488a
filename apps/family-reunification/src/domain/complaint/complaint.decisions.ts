import { DomainError } from '@lintas/domain-kernel/domain-error';
import { channelFitsAgency, FAMILY_CHANNEL_KINDS } from '@lintas/domain-kernel/family-channel';
import { answerByOf, isOverdue } from './complaint-deadline';
import type { AnswerComplaint, CloseComplaint, EscalateOverdueComplaint, FileComplaint } from './complaint.commands';
import type { ComplaintConfig } from './complaint.config';
import type { ComplaintAnswered, ComplaintClosed, ComplaintEscalated, ComplaintFiled } from './complaint.events';
import { refOf, requireAddressee, requireFiler, requireNotClosed } from './complaint.guards';
import type { ComplaintState } from './complaint.state';

/**
 * A family complains through an agency it can walk into, as it registers a tracing request; the
 * agency responsible answers by the deadline. Routing is the caller's: the case's owning office, the
 * referral's RSJ, the placement's panti, the agency named, as the agency register tells.
 */
export function fileComplaint(
  command: FileComplaint,
  state: ComplaintState,
  config: ComplaintConfig,
): ComplaintFiled[] {
  if (state.status !== 'none') throw new DomainError('complaint.already-filed', 'this complaint is already filed');
  const { complaintId, personId, kind, about, channel, text, routedTo, actor, at } = command;
  if (!FAMILY_CHANNEL_KINDS.includes(actor.kind)) {
    throw new DomainError(
      'complaint.not-a-filer',
      'a complaint is filed through a Dinas Sosial office or the police',
      'forbidden',
    );
  }
  if (!channelFitsAgency(actor.kind, channel)) {
    throw new DomainError('complaint.channel-not-of-agency', 'the police record only their own channel', 'invalid');
  }
  if (text.trim() === '') throw new DomainError('complaint.text-required', 'a complaint says what is wrong', 'invalid');
  return [
    {
      type: 'ComplaintFiled',
      data: {
        complaintId,
        personId,
        filedBy: actor.agencyId,
        routedTo,
        kind,
        about: { type: about.type, id: about.id },
        channel,
        text,
        answerBy: answerByOf(at, config.answerWithinDays),
        at,
      },
    },
  ];
}

/** Late is better than never: an answer after the deadline, not yet escalated, still counts. */
export function answerComplaint(command: AnswerComplaint, state: ComplaintState): ComplaintAnswered[] {
  const complaint = requireAddressee(state, command.actor);
  requireNotClosed(complaint);
  if (complaint.status === 'answered') {
    throw new DomainError('complaint.already-answered', 'the complaint is already answered');
  }
  if (command.answer.trim() === '') {
    throw new DomainError('complaint.answer-required', 'an answer says something', 'invalid');
  }
  return [{ type: 'ComplaintAnswered', data: { ...refOf(complaint), answer: command.answer, at: command.at } }];
}

/** Each escalation gives the next office its own, shorter deadline, and may itself be escalated. */
export function escalateOverdueComplaint(
  command: EscalateOverdueComplaint,
  state: ComplaintState,
  config: ComplaintConfig,
): ComplaintEscalated[] {
  const complaint = requireFiler(state, command.actor);
  requireNotClosed(complaint);
  if (complaint.status === 'answered') throw new DomainError('complaint.answered', 'the complaint has been answered');
  const { toAgencyId, at } = command;
  if (!isOverdue(complaint.answerBy, at)) {
    throw new DomainError('complaint.not-overdue', `the complaint is to be answered by ${complaint.answerBy}`);
  }
  if (toAgencyId === complaint.routedTo) {
    throw new DomainError('complaint.escalation-to-addressee', 'an escalation goes to another agency', 'invalid');
  }
  return [
    {
      type: 'ComplaintEscalated',
      data: {
        ...refOf(complaint),
        routedTo: toAgencyId,
        fromAgencyId: complaint.routedTo,
        overdueSince: complaint.answerBy,
        answerBy: answerByOf(at, config.escalatedAnswerWithinDays),
        at,
      },
    },
  ];
}

/** The filer closes: resolved once the family has its answer, or withdrawn by the family at any time. */
export function closeComplaint(command: CloseComplaint, state: ComplaintState): ComplaintClosed[] {
  const complaint = requireFiler(state, command.actor);
  requireNotClosed(complaint);
  const { outcome, at } = command;
  if (outcome === 'resolved' && complaint.status !== 'answered') {
    throw new DomainError('complaint.not-answered', 'a complaint is resolved once it is answered');
  }
  return [{ type: 'ComplaintClosed', data: { ...refOf(complaint), outcome, at } }];
}
