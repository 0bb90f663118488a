import type { Actor } from '../actor';
import type { FamilyChannel } from '@lintas/domain-kernel/family-channel';
import type { ComplaintKind, ComplaintOutcome, ComplaintSubject } from './complaint.vocabulary';

/** Every command names its complaint, who gives it and when it happened. */
interface CommandBase {
  complaintId: string;
  actor: Actor;
  /** ISO 8601 time the fact happened: in the field, or now. */
  at: string;
}

/** A family's complaint, through the agency it came to; the complaintId is new. */
export interface FileComplaint extends CommandBase {
  type: 'FileComplaint';
  /**
   * Whose key seals the complaint's text: the person it is about, or a new id standing for the
   * complainant when it is about a service alone.
   */
  personId: string;
  kind: ComplaintKind;
  about: ComplaintSubject;
  channel: FamilyChannel;
  text: string;
  /** The agency responsible for what is complained of, as the agency register and the case tell. */
  routedTo: string;
}

export interface AnswerComplaint extends CommandBase {
  type: 'AnswerComplaint';
  answer: string;
}

/**
 * The deadline passed unanswered: the complaint goes to the addressee's parent office (a provincial
 * Dinas Sosial), named from the agency register. `at` is now; a scheduler gives it on the filer's behalf.
 */
export interface EscalateOverdueComplaint extends CommandBase {
  type: 'EscalateOverdueComplaint';
  toAgencyId: string;
}

export interface CloseComplaint extends CommandBase {
  type: 'CloseComplaint';
  outcome: ComplaintOutcome;
}

export type ComplaintCommand = FileComplaint | AnswerComplaint | EscalateOverdueComplaint | CloseComplaint;
