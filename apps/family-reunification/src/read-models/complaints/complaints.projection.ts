import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import { answerByOf, offsetMinutesOf } from '../../domain/complaint/complaint-deadline';
import type { ComplaintEvent } from '../../domain/complaint/complaint.events';
import { type FamilyReunificationEvent, isComplaintEvent } from '../../domain/family-reunification-event';

/**
 * Each complaint's routing and progress: the addressees' queues, the overdue ones the escalation
 * schedule presses, and the indicators (complaints by kind, answered within their deadline). Ids,
 * codes, agencies and times only: the complaint's text and its answer stay sealed in the stream.
 */
export class ComplaintsProjection implements Projection<FamilyReunificationEvent> {
  readonly name = 'complaints';

  constructor(private readonly schema: string) {}

  tables(): string[] {
    const s = this.schema;
    return [
      `CREATE TABLE IF NOT EXISTS ${s}.complaints (
         complaint_id uuid PRIMARY KEY,
         person_id uuid NOT NULL,
         kind text NOT NULL,
         subject_type text NOT NULL,
         subject_id text NOT NULL,
         channel text NOT NULL,
         filed_by text NOT NULL,
         filed_at timestamptz NOT NULL,
         filed_offset_minutes integer NOT NULL DEFAULT 0,
         routed_to text NOT NULL,
         answer_by date NOT NULL,
         status text NOT NULL,
         escalations integer NOT NULL DEFAULT 0,
         answered_by text,
         answered_at timestamptz,
         answered_on_time boolean,
         outcome text,
         closed_at timestamptz,
         version integer NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS complaints_addressee ON ${s}.complaints (routed_to, status, answer_by)`,
      `CREATE INDEX IF NOT EXISTS complaints_open ON ${s}.complaints (answer_by) WHERE status = 'open'`,
    ];
  }

  async apply(events: (RecordedEvent & FamilyReunificationEvent)[], client: PoolClient): Promise<void> {
    for (const event of events) {
      // The store also holds reunifications, which have a read model of their own.
      if (isComplaintEvent(event)) await this.applyOne(event, client);
    }
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.complaints`);
  }

  private async applyOne(event: RecordedEvent & ComplaintEvent, client: PoolClient): Promise<void> {
    const table = `${this.schema}.complaints`;
    const version = event.streamVersion;
    switch (event.type) {
      case 'ComplaintFiled': {
        const { complaintId, personId, kind, about, channel, filedBy, routedTo, answerBy, at } = event.data;
        await client.query(
          `INSERT INTO ${table} (complaint_id, person_id, kind, subject_type, subject_id, channel, filed_by,
                                 filed_at, filed_offset_minutes, routed_to, answer_by, status, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12) ON CONFLICT (complaint_id) DO NOTHING`,
          [
            complaintId,
            personId,
            kind,
            about.type,
            about.id,
            channel,
            filedBy,
            at,
            offsetMinutesOf(at),
            routedTo,
            answerBy,
            version,
          ],
        );
        return;
      }
      case 'ComplaintAnswered':
        // On time against the deadline in force when answered: after an escalation, the parent
        // office's; `escalations` tells whether the first one was missed.
        await client.query(
          `UPDATE ${table} SET status = 'answered', answered_by = $2, answered_at = $3,
                  answered_on_time = $4::date <= answer_by, version = $5
            WHERE complaint_id = $1 AND version < $5`,
          [event.data.complaintId, event.data.routedTo, event.data.at, answerByOf(event.data.at, 0), version],
        );
        return;
      case 'ComplaintEscalated':
        await client.query(
          `UPDATE ${table} SET routed_to = $2, answer_by = $3, escalations = escalations + 1, version = $4
            WHERE complaint_id = $1 AND version < $4`,
          [event.data.complaintId, event.data.routedTo, event.data.answerBy, version],
        );
        return;
      case 'ComplaintClosed':
        await client.query(
          `UPDATE ${table} SET status = 'closed', outcome = $2, closed_at = $3, version = $4
            WHERE complaint_id = $1 AND version < $4`,
          [event.data.complaintId, event.data.outcome, event.data.at, version],
        );
        return;
    }
  }
}
