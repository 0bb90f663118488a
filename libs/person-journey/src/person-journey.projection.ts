import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';

/**
 * Each person's steps in this service, in the store's global order: what happened (the event
 * type), when in the field, when recorded, by which agency. No personal data: the steps tell the
 * path, the details stay in the streams where access is checked.
 */
export class PersonJourneyProjection implements Projection {
  readonly name = 'person-journey';

  constructor(private readonly schema: string) {}

  tables(): string[] {
    const schema = this.schema;
    return [
      `CREATE TABLE IF NOT EXISTS ${schema}.person_journey (
         person_id uuid NOT NULL,
         transaction_id xid8 NOT NULL,
         sequence bigint NOT NULL,
         event_id uuid NOT NULL,
         stream_id text NOT NULL,
         type text NOT NULL,
         occurred_at timestamptz NOT NULL,
         recorded_at timestamptz NOT NULL,
         agency_id text NOT NULL,
         PRIMARY KEY (transaction_id, sequence)
       )`,
      `CREATE INDEX IF NOT EXISTS person_journey_person ON ${schema}.person_journey (person_id, transaction_id, sequence)`,
    ];
  }

  async apply(events: RecordedEvent[], client: PoolClient): Promise<void> {
    const steps = events.filter((e) => e.metadata.personId);
    if (steps.length === 0) return;
    await client.query(
      `INSERT INTO ${this.schema}.person_journey
         (person_id, transaction_id, sequence, event_id, stream_id, type, occurred_at, recorded_at, agency_id)
       SELECT * FROM unnest($1::uuid[], $2::text[]::xid8[], $3::bigint[], $4::uuid[], $5::text[], $6::text[],
                            $7::timestamptz[], $8::timestamptz[], $9::text[])
       ON CONFLICT DO NOTHING`,
      [
        steps.map((e) => e.metadata.personId),
        steps.map((e) => e.position.transactionId.toString()),
        steps.map((e) => e.position.sequence.toString()),
        steps.map((e) => e.id),
        steps.map((e) => e.streamId),
        steps.map((e) => e.type),
        steps.map((e) => e.metadata.occurredAt),
        steps.map((e) => e.metadata.recordedAt),
        steps.map((e) => e.metadata.actor.agencyId),
      ],
    );
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.person_journey`);
  }
}
