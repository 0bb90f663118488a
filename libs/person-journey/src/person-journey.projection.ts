import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';

/**
 * Each person's steps in this service, in the store's global order: what happened (the event
 * type), when in the field, when recorded, by which agency. No personal data: the steps tell the
 * path, the details stay in the streams where access is checked. Beside them, the person's parties
 * here: every agency that acted on them or that an event names as their office (a reaction acts as
 * the service itself, on behalf of the office its event names), which PersonAccess reads.
 */
export class PersonJourneyProjection implements Projection {
  // v2 added the parties: a new name replays the store into them (the steps' inserts are idempotent).
  readonly name = 'person-journey.v2';

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
      `CREATE TABLE IF NOT EXISTS ${schema}.person_parties (
         person_id uuid NOT NULL,
         agency_id text NOT NULL,
         PRIMARY KEY (person_id, agency_id)
       )`,
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
    const parties = steps.flatMap((e) => partiesOf(e).map((agencyId) => [e.metadata.personId, agencyId] as const));
    await client.query(
      `INSERT INTO ${this.schema}.person_parties (person_id, agency_id)
       SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING`,
      [parties.map(([personId]) => personId), parties.map(([, agencyId]) => agencyId)],
    );
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.person_journey, ${this.schema}.person_parties`);
  }
}

/** The fields by which an event names the office a person is with (or is handed to). */
const OFFICE_FIELDS = ['officeId', 'toOfficeId', 'ownerOfficeId'] as const;

function partiesOf(event: RecordedEvent): string[] {
  const data = event.data as Record<string, unknown>;
  const named = OFFICE_FIELDS.map((field) => data[field]).filter((v): v is string => typeof v === 'string');
  return [...new Set([event.metadata.actor.agencyId, ...named])];
}
