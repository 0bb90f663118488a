import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';

/**
 * A read model of two tables for the rebuild tests: a row per event (`<name>`, only ever growing,
 * so a reader who sees fewer rows than before saw a rebuild's gap) and a row per stream with its
 * count and last version (`<name>_totals`, updated in place); `<name>` is the projection's name
 * with underscores. Made for a schema, as a service's projections are; several may share a store.
 */
export class StreamNotesProjection implements Projection {
  readonly notes: string;
  readonly totals: string;

  constructor(
    protected readonly schema: string,
    readonly name = 'stream-notes',
  ) {
    this.notes = name.replace(/-/g, '_');
    this.totals = `${this.notes}_totals`;
  }

  tables(): string[] {
    const s = this.schema;
    return [
      `CREATE TABLE IF NOT EXISTS ${s}.${this.notes} (
         event_id uuid PRIMARY KEY,
         stream_id text NOT NULL,
         stream_version integer NOT NULL,
         data jsonb NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS ${this.notes}_stream ON ${s}.${this.notes} (stream_id, stream_version)`,
      `CREATE TABLE IF NOT EXISTS ${s}.${this.totals} (
         stream_id text PRIMARY KEY,
         events integer NOT NULL,
         last_version integer NOT NULL
       )`,
    ];
  }

  async apply(events: RecordedEvent[], client: PoolClient): Promise<void> {
    await client.query(
      `INSERT INTO ${this.schema}.${this.notes} (event_id, stream_id, stream_version, data)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::jsonb[])`,
      [
        events.map((e) => e.id),
        events.map((e) => e.streamId),
        events.map((e) => e.streamVersion),
        events.map((e) => JSON.stringify(e.data)),
      ],
    );
    const totals = new Map<string, { events: number; last: number }>();
    for (const event of events) {
      const total = totals.get(event.streamId) ?? { events: 0, last: 0 };
      totals.set(event.streamId, { events: total.events + 1, last: Math.max(total.last, event.streamVersion) });
    }
    await client.query(
      `INSERT INTO ${this.schema}.${this.totals} (stream_id, events, last_version)
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
       ON CONFLICT (stream_id) DO UPDATE SET events = ${this.totals}.events + excluded.events,
         last_version = greatest(${this.totals}.last_version, excluded.last_version)`,
      [[...totals.keys()], [...totals.values()].map((t) => t.events), [...totals.values()].map((t) => t.last)],
    );
  }

  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.${this.notes}, ${this.schema}.${this.totals}`);
  }
}
