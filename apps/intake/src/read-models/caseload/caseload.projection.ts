import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import { isCaseEvent, type IntakeEvent } from '../../domain/intake-event';

/**
 * One row per case for the offices' work queues: their open cases, the transfers addressed to
 * them. Ids, numbers, codes and times only; who the person is stays in the stream, read through
 * GET /cases/:caseId where ownership is checked.
 */
export class CaseloadProjection implements Projection<IntakeEvent> {
  readonly name = 'caseload';

  constructor(private readonly schema: string) {}

  tables(): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${this.schema}.caseload (
         case_id uuid PRIMARY KEY,
         case_number text NOT NULL,
         person_id uuid NOT NULL,
         office_id text NOT NULL,
         status text NOT NULL,
         registered_at timestamptz NOT NULL,
         identified boolean NOT NULL DEFAULT false,
         pending_candidates integer NOT NULL DEFAULT 0,
         linked_into uuid,
         decision text,
         assessed_at timestamptz,
         transfer_to text,
         transfer_requested_at timestamptz,
         absconded_at timestamptz,
         died_at timestamptz,
         outcome text,
         closed_at timestamptz
       )`,
      `CREATE INDEX IF NOT EXISTS caseload_office ON ${this.schema}.caseload (office_id, status)`,
      `CREATE INDEX IF NOT EXISTS caseload_transfer_to ON ${this.schema}.caseload (transfer_to)`,
    ];
  }

  async apply(events: (RecordedEvent & IntakeEvent)[], client: PoolClient): Promise<void> {
    for (const event of events) {
      const [sql, values] = this.change(event) ?? [];
      if (sql) await client.query(sql, values);
    }
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.caseload`);
  }

  /** Each event is applied once: the projection's writes commit with its checkpoint. */
  private change(event: IntakeEvent): [string, unknown[]] | undefined {
    if (!isCaseEvent(event)) return undefined;
    const table = `${this.schema}.caseload`;
    const set = (assignments: string, ...values: unknown[]): [string, unknown[]] => [
      `UPDATE ${table} SET ${assignments} WHERE case_id = $1`,
      [event.data.caseId, ...values],
    ];
    switch (event.type) {
      case 'IntakeRegistered': {
        const d = event.data;
        return [
          `INSERT INTO ${table} (case_id, case_number, person_id, office_id, status, registered_at)
           VALUES ($1, $2, $3, $4, 'open', $5) ON CONFLICT (case_id) DO NOTHING`,
          [d.caseId, d.caseNumber, d.personId, d.officeId, d.registeredAt],
        ];
      }
      case 'PersonIdentified':
        return set('identified = true');
      case 'DuplicateCandidateFound':
      case 'DuplicateRejected':
        return set(
          'pending_candidates = greatest(0, pending_candidates + $2)',
          event.type === 'DuplicateCandidateFound' ? 1 : -1,
        );
      case 'PersonsLinked':
        return set('linked_into = $2, pending_candidates = 0', event.data.survivorPersonId);
      case 'AssessmentCompleted':
        return set('decision = $2, assessed_at = $3', event.data.decision, event.data.assessedAt);
      case 'CaseTransferRequested':
        return set('transfer_to = $2, transfer_requested_at = $3', event.data.toOfficeId, event.data.requestedAt);
      case 'CaseTransferAccepted':
        return set('office_id = $2, transfer_to = NULL, transfer_requested_at = NULL', event.data.toOfficeId);
      case 'CaseTransferDeclined':
        return set('transfer_to = NULL, transfer_requested_at = NULL');
      case 'AbscondingRecorded':
        return set('absconded_at = $2', event.data.abscondedAt);
      case 'DeathRecorded':
        return set('died_at = $2', event.data.diedAt);
      case 'CaseClosed':
        return set(
          `status = 'closed', outcome = $2, closed_at = $3, transfer_to = NULL`,
          event.data.outcome,
          event.data.closedAt,
        );
      case 'ConsentRecorded':
        return undefined;
    }
  }
}
