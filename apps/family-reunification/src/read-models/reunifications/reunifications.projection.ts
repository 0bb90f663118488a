import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import { type FamilyReunificationEvent, isReunificationEvent } from '../../domain/family-reunification-event';
import type { ReunificationEvent } from '../../domain/reunification/reunification.events';
import {
  evolveReunification,
  initialReunificationState,
  type OpenedReunification,
  type ReunificationState,
} from '../../domain/reunification/reunification.state';

type Recorded = RecordedEvent & ReunificationEvent;

/**
 * Each reunification as the domain folds it, for the offices' reads: its case, owner, stage and
 * follow-up visits. The domain state holds no personal data (no names, contacts or notes), so the
 * read model holds none either. Follow-ups get a row each, for the offices' lists of visits due.
 */
export class ReunificationsProjection implements Projection<FamilyReunificationEvent> {
  readonly name = 'reunifications';

  constructor(private readonly schema: string) {}

  tables(): string[] {
    const s = this.schema;
    return [
      `CREATE TABLE IF NOT EXISTS ${s}.reunifications (
         reunification_id uuid PRIMARY KEY,
         case_id uuid NOT NULL,
         person_id uuid NOT NULL,
         office_id text NOT NULL,
         status text NOT NULL,
         started_at timestamptz NOT NULL,
         started_from text NOT NULL,
         state jsonb NOT NULL,
         version integer NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS reunifications_case ON ${s}.reunifications (case_id, started_at)`,
      `CREATE INDEX IF NOT EXISTS reunifications_office ON ${s}.reunifications (office_id, status)`,
      `CREATE TABLE IF NOT EXISTS ${s}.follow_ups (
         reunification_id uuid NOT NULL,
         visit integer NOT NULL,
         due_on date NOT NULL,
         status text NOT NULL,
         PRIMARY KEY (reunification_id, visit)
       )`,
    ];
  }

  async apply(events: (RecordedEvent & FamilyReunificationEvent)[], client: PoolClient): Promise<void> {
    const byReunification = new Map<string, Recorded[]>();
    for (const event of events) {
      // The store also holds complaints, which have a read model of their own.
      if (!isReunificationEvent(event)) continue;
      const { reunificationId } = event.data;
      byReunification.set(reunificationId, [...(byReunification.get(reunificationId) ?? []), event]);
    }
    for (const [reunificationId, reunificationEvents] of byReunification) {
      await this.applyStream(reunificationId, reunificationEvents, client);
    }
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.reunifications, ${this.schema}.follow_ups`);
  }

  private async applyStream(reunificationId: string, events: Recorded[], client: PoolClient): Promise<void> {
    const { rows } = await client.query<{
      state: ReunificationState;
      version: number;
      started_at: Date;
      started_from: string;
    }>(
      `SELECT state, version, started_at, started_from FROM ${this.schema}.reunifications WHERE reunification_id = $1`,
      [reunificationId],
    );
    let state = rows[0]?.state ?? initialReunificationState;
    let version = rows[0]?.version ?? 0;
    let started = rows[0] ? { at: rows[0].started_at.toISOString(), from: rows[0].started_from } : undefined;
    for (const event of events) {
      if (event.streamVersion <= version) continue;
      if (event.type === 'FamilyTracingStarted') {
        started = { at: event.data.at, from: event.data.startedFrom };
      }
      state = evolveReunification(state, event);
      version = event.streamVersion;
    }
    if (state.status === 'none' || !started) return;
    await this.save(state, version, started, client);
  }

  private async save(
    state: OpenedReunification,
    version: number,
    started: { at: string; from: string },
    client: PoolClient,
  ): Promise<void> {
    const s = this.schema;
    await client.query(
      `INSERT INTO ${s}.reunifications
         (reunification_id, case_id, person_id, office_id, status, started_at, started_from, state, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (reunification_id) DO UPDATE SET
         office_id = EXCLUDED.office_id, status = EXCLUDED.status, state = EXCLUDED.state, version = EXCLUDED.version`,
      [
        state.reunificationId,
        state.caseId,
        state.personId,
        state.owningOfficeId,
        state.status,
        started.at,
        started.from,
        JSON.stringify(state),
        version,
      ],
    );
    if (state.followUps.length === 0) return;
    await client.query(
      `INSERT INTO ${s}.follow_ups (reunification_id, visit, due_on, status)
       SELECT $1, * FROM unnest($2::int[], $3::date[], $4::text[])
       ON CONFLICT (reunification_id, visit) DO UPDATE SET status = EXCLUDED.status`,
      [
        state.reunificationId,
        state.followUps.map((f) => f.visit),
        state.followUps.map((f) => f.dueOn),
        state.followUps.map((f) => f.status),
      ],
    );
  }
}
