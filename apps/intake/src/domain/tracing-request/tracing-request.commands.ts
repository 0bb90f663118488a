import type { Evidence } from '@lintas/person-matching/match-score';
import type { Actor } from '../actor';
import type { FamilyChannel } from '@lintas/domain-kernel/family-channel';
import type { LastSeen, Requester, SoughtPerson } from './tracing-request.vocabulary';

/** Every command names its tracing request, who gives it and when it happened. */
interface CommandBase {
  tracingRequestId: string;
  actor: Actor;
  /** ISO 8601 time the fact happened: in the field, or now. */
  at: string;
}

/** A social worker of the office, as the token names them: every review decision records its reviewer. */
export type ReviewingActor = Actor & { userId?: string };

/** The relative as the family describes them; marks and conditions may be left out. */
export type SoughtPersonInput = Omit<SoughtPerson, 'names' | 'marks' | 'conditions'> & {
  names: readonly string[];
  marks?: readonly string[];
  conditions?: readonly string[];
};

/** The tracingRequestId is new. */
export interface RegisterTracingRequest extends CommandBase {
  type: 'RegisterTracingRequest';
  /** A new person id for the missing relative: the key their data and the family's are sealed, and erased, with. */
  personId: string;
  /** The Dinas Sosial office owning the request: named by a police registrar; an office owns what it registers. */
  officeId?: string;
  channel: FamilyChannel;
  requester: Requester;
  sought: SoughtPersonInput;
  lastSeen: LastSeen;
}

/** Each part given replaces that part whole; a part left out stays as it was. */
export interface UpdateTracingRequest extends CommandBase {
  type: 'UpdateTracingRequest';
  requester?: Requester;
  sought?: SoughtPersonInput;
  lastSeen?: LastSeen;
}

export interface WithdrawTracingRequest extends CommandBase {
  type: 'WithdrawTracingRequest';
  reason?: string;
}

/** The relative is found: through a confirmed match once the family verified it, or by the family itself. */
export interface CloseTracingRequestAsFound extends CommandBase {
  type: 'CloseTracingRequestAsFound';
  /** The confirmed candidate; absent when the relative was found outside Lintas. */
  foundPersonId?: string;
  note?: string;
}

/** From the matcher, on behalf of the owning office: a person found who may be the one sought. */
export interface ProposeMatch extends CommandBase {
  type: 'ProposeMatch';
  candidatePersonId: string;
  probability: number;
  reasons: readonly Evidence[];
}

export interface ConfirmMatch extends CommandBase {
  type: 'ConfirmMatch';
  actor: ReviewingActor;
  candidatePersonId: string;
  /** The candidate's case and the office owning it, which runs the return: a person without one cannot go home yet. */
  candidateCase: { caseId: string; officeId: string };
}

/** Also after a confirmation, when the family does not recognise the person. */
export interface RejectMatch extends CommandBase {
  type: 'RejectMatch';
  actor: ReviewingActor;
  candidatePersonId: string;
  reason: string;
}

export type TracingRequestCommand =
  | RegisterTracingRequest
  | UpdateTracingRequest
  | WithdrawTracingRequest
  | CloseTracingRequestAsFound
  | ProposeMatch
  | ConfirmMatch
  | RejectMatch;
