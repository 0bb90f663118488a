import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import type { FamilyChannel } from '@lintas/domain-kernel/family-channel';
import type { ComplaintKind, ComplaintSubject } from '../../domain/complaint/complaint.vocabulary';

export interface QueuedComplaint {
  complaintId: string;
  personId: string;
  kind: ComplaintKind;
  about: ComplaintSubject;
  channel: FamilyChannel;
  filedBy: string;
  filedAt: string;
  answerBy: string;
  /** Past its last day (in UTC) and still unanswered. */
  overdue: boolean;
  /** How often it was escalated before it came here (0: it was routed here when filed). */
  escalations: number;
}

/** The complaints read model, as an addressee's list of complaints to answer. */
@Injectable()
export class ComplaintQueueReadModel {
  private readonly schema: string;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(EventStore) store: EventStore,
  ) {
    this.schema = store.schema;
  }

  /** The unanswered complaints routed to the agency now, the nearest deadline first. */
  async of(agencyId: string): Promise<QueuedComplaint[]> {
    const { rows } = await this.pool.query<{
      complaint_id: string;
      person_id: string;
      kind: ComplaintKind;
      subject_type: ComplaintSubject['type'];
      subject_id: string;
      channel: FamilyChannel;
      filed_by: string;
      filed_at: Date;
      answer_by: string;
      overdue: boolean;
      escalations: number;
    }>(
      `SELECT complaint_id, person_id, kind, subject_type, subject_id, channel, filed_by, filed_at,
              answer_by::text AS answer_by, answer_by < (now() AT TIME ZONE 'UTC')::date AS overdue, escalations
         FROM ${this.schema}.complaints
        WHERE routed_to = $1 AND status = 'open'
        ORDER BY answer_by, filed_at, complaint_id`,
      [agencyId],
    );
    return rows.map((row) => ({
      complaintId: row.complaint_id,
      personId: row.person_id,
      kind: row.kind,
      about: { type: row.subject_type, id: row.subject_id },
      channel: row.channel,
      filedBy: row.filed_by,
      filedAt: row.filed_at.toISOString(),
      answerBy: row.answer_by,
      overdue: row.overdue,
      escalations: row.escalations,
    }));
  }
}
