import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { EventRegistry } from '../events/event-registry';
import { EventStore } from '../event-store';
import { formatPosition } from '../position';
import { SAMPLE_DEFINITIONS, sampleEvent } from '../../test/sample-events';
import { StreamNotesProjection } from '../../test/stream-notes-projection';
import { ReadModelAsOf, UnknownColumnError, UnknownTableError } from './read-model-as-of';

const infra = useRealInfrastructure();
const SCHEMA = 'pasts';
let pool: Pool;
let store: EventStore;
let asOf: ReadModelAsOf;

beforeAll(async () => {
  pool = infra.createPool({ max: 4 });
  store = await EventStore.open(pool, { registry: new EventRegistry(SAMPLE_DEFINITIONS), schema: SCHEMA });
  asOf = new ReadModelAsOf(store, (schema) => new StreamNotesProjection(schema));
});

describe("a read model's rows at a point in the past", () => {
  it('holds what the projection held after the events up to that position or time, and leaves nothing behind', async () => {
    const stream = `case-${randomUUID()}`;
    const other = `case-${randomUUID()}`;
    const first = await store.append(stream, [
      sampleEvent('NoteRecorded', { n: 1 }),
      sampleEvent('NoteRecorded', { n: 2 }),
    ]);
    await store.append(other, [sampleEvent('NoteRecorded', { n: 1 })]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.append(stream, [sampleEvent('NoteRecorded', { n: 3 })]);

    const byPosition = await asOf.rows(
      { position: first.position },
      { table: 'stream_notes_totals', column: 'stream_id', value: stream, limit: 10 },
    );
    expect(byPosition.rows).toEqual([{ stream_id: stream, events: 2, last_version: 2 }]);
    expect(byPosition.position).toBe(formatPosition(first.position));

    const byTime = await asOf.rows(
      { time: between },
      { table: 'stream_notes_totals', column: 'stream_id', value: stream, limit: 10 },
    );
    expect(byTime.rows).toEqual([{ stream_id: stream, events: 2, last_version: 2 }]);
    // The other stream's event came before that time: it is folded too.
    expect(
      (
        await asOf.rows(
          { time: between },
          { table: 'stream_notes_totals', column: 'stream_id', value: other, limit: 10 },
        )
      ).rows,
    ).toEqual([{ stream_id: other, events: 1, last_version: 1 }]);

    const now = await asOf.rows(
      { time: new Date() },
      { table: 'stream_notes', column: 'stream_id', value: stream, limit: 10 },
    );
    expect(now.rows.map((row) => (row.data as { n: number }).n).sort()).toEqual([1, 2, 3]);

    const before = await asOf.rows({ time: new Date(0) }, { table: 'stream_notes_totals', limit: 10 });
    expect(before).toEqual({ position: '0.0', events: 0, rows: [] });

    const { rows: left } = await pool.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'pasts\\_asof\\_%'`);
    expect(left).toEqual([]);
  });

  it('names the tables and columns there are when asked for another', async () => {
    await expect(asOf.rows({ time: new Date() }, { table: 'events', limit: 1 })).rejects.toThrow(UnknownTableError);
    const refused = asOf.rows({ time: new Date() }, { table: 'stream_notes', column: 'nope" OR 1=1 --', limit: 1 });
    await expect(refused).rejects.toThrow(UnknownColumnError);
    await expect(refused).rejects.toMatchObject({ known: ['event_id', 'stream_id', 'stream_version', 'data'] });
  });
});
