import { Inject, Injectable } from '@nestjs/common';
import { StreamWriter } from '@lintas/commands/stream-writer';
import type { Actor } from '../../domain/actor';
import { isOverdue, offsetMinutesOf, onClockOf } from '../../domain/complaint/complaint-deadline';
import type { ComplaintFiled } from '../../domain/complaint/complaint.events';
import { requireParty } from '../../domain/complaint/complaint.guards';
import { complaintStream } from '../../domain/complaint/complaint.stream';
import type { ComplaintOutcome, ComplaintStatus } from '../../domain/complaint/complaint.vocabulary';

export interface ComplaintDetails {
  complaintId: string;
  personId: string;
  kind: ComplaintFiled['data']['kind'];
  about: ComplaintFiled['data']['about'];
  channel: ComplaintFiled['data']['channel'];
  text: string;
  filedBy: string;
  filedAt: string;
  routedTo: string;
  answerBy: string;
  overdue: boolean;
  status: ComplaintStatus;
  escalations: { fromAgencyId: string; toAgencyId: string; overdueSince: string; answerBy: string; at: string }[];
  answer: { by: string; at: string; text: string } | null;
  outcome: ComplaintOutcome | null;
  closedAt: string | null;
  version: number;
}

/** A complaint read from its stream, so always current; its version is the ETag to send back as If-Match. */
@Injectable()
export class ComplaintDetailsReadModel {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}

  /**
   * The complaint as its parties see it: the agency that filed it and every agency it was routed
   * to. To any other it does not exist (404 `complaint.not-found`, the domain's party rule).
   */
  async seenBy(complaintId: string, reader: Actor, now = new Date()): Promise<ComplaintDetails> {
    const { history, state, version } = await this.streams.load(complaintStream, complaintId);
    const complaint = requireParty(state, reader);
    let details: Omit<ComplaintDetails, 'overdue' | 'version'> | undefined;
    for (const event of history) {
      if (event.type === 'ComplaintFiled') {
        const { data } = event;
        details = {
          complaintId: data.complaintId,
          personId: data.personId,
          kind: data.kind,
          about: data.about,
          channel: data.channel,
          text: data.text,
          filedBy: data.filedBy,
          filedAt: data.at,
          routedTo: data.routedTo,
          answerBy: data.answerBy,
          status: 'open',
          escalations: [],
          answer: null,
          outcome: null,
          closedAt: null,
        };
      } else if (details && event.type === 'ComplaintEscalated') {
        const { fromAgencyId, routedTo, overdueSince, answerBy, at } = event.data;
        details.escalations.push({ fromAgencyId, toAgencyId: routedTo, overdueSince, answerBy, at });
        details.routedTo = routedTo;
        details.answerBy = answerBy;
      } else if (details && event.type === 'ComplaintAnswered') {
        details.answer = { by: event.data.routedTo, at: event.data.at, text: event.data.answer };
      } else if (details && event.type === 'ComplaintClosed') {
        details.outcome = event.data.outcome;
        details.closedAt = event.data.at;
      }
    }
    if (!details) throw new Error(`complaint ${complaintId} has a state but no ComplaintFiled event`);
    return {
      ...details,
      status: complaint.status,
      overdue:
        complaint.status === 'open' && isOverdue(complaint.answerBy, onClockOf(now, offsetMinutesOf(details.filedAt))),
      version,
    };
  }
}
