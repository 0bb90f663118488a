import type { DomainEvent } from '@lintas/event-store/decider';
import type { FamilyChannel } from '@lintas/domain-kernel/family-channel';
import type { ComplaintKind, ComplaintOutcome, ComplaintSubject } from './complaint.vocabulary';

/**
 * Every event names the complaint, the person whose key seals it, the agency that filed it (whose
 * family follows its status) and the agency it is routed to then, so that the filer's list and the
 * addressee's queue each map one event alone.
 */
export interface ComplaintRef {
  complaintId: string;
  personId: string;
  filedBy: string;
  routedTo: string;
}

type Event<Type extends string, Data> = DomainEvent<Type, ComplaintRef & Data & { at: string }>;

/** `answerBy` is the last day to answer, YYYY-MM-DD. */
export type ComplaintFiled = Event<
  'ComplaintFiled',
  { kind: ComplaintKind; about: ComplaintSubject; channel: FamilyChannel; text: string; answerBy: string }
>;

/** Answered by the agency it is routed to (`routedTo`). */
export type ComplaintAnswered = Event<'ComplaintAnswered', { answer: string }>;

/** `routedTo` is the new addressee; `fromAgencyId` the one that let `overdueSince` pass. */
export type ComplaintEscalated = Event<
  'ComplaintEscalated',
  { fromAgencyId: string; overdueSince: string; answerBy: string }
>;

export type ComplaintClosed = Event<'ComplaintClosed', { outcome: ComplaintOutcome }>;

export type ComplaintEvent = ComplaintFiled | ComplaintAnswered | ComplaintEscalated | ComplaintClosed;

export type ComplaintEventType = ComplaintEvent['type'];
