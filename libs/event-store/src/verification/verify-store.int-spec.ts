import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { EventRegistry } from '../events/event-registry';
import { EventStore } from '../event-store';
import { eventHash, GENESIS } from '../hashing/event-hash';
import { sealAll } from '../sealing/sealer';
import { SAMPLE_DEFINITIONS, sampleEvent } from '../../test/sample-events';
import { verifyStore } from './verify-store';

const infra = useRealInfrastructure();
let pool: Pool;
let schemaCount = 0;

beforeAll(() => {
  pool = infra.createPool();
});

/** A fresh store with three streams of three events each, sealed. */
async function sealedStore(): Promise<{ store: EventStore; streams: string[]; schema: string }> {
  schemaCount += 1;
  const schema = `verify_${schemaCount}`;
  const store = await EventStore.open(pool, { registry: new EventRegistry(SAMPLE_DEFINITIONS), schema });
  const streams = ['a', 'b', 'c'].map((name) => `${name}-${randomUUID()}`);
  for (const stream of streams) {
    for (let i = 1; i <= 3; i += 1) await store.append(stream, [sampleEvent('NoteRecorded', { stream, i })]);
  }
  // Sealing stops at the oldest transaction running anywhere on the server: wait until it passed ours.
  for (let sealed = 0, waited = 0; sealed < 9 && waited < 10_000; waited += 20) {
    sealed += await sealAll(pool, schema);
    if (sealed < 9) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { store, streams, schema };
}

describe('chain verification', () => {
  it('chains what the store writes exactly as the documented formula does, for verifiers outside it', async () => {
    const { schema, streams } = await sealedStore();
    const { rows } = await pool.query<{
      event_id: string;
      stream_version: number;
      type: string;
      schema_version: number;
      data: string;
      metadata: string;
      hash: Buffer;
    }>(
      `SELECT event_id::text, stream_version, type, schema_version, data::text, metadata::text, hash
         FROM ${schema}.events WHERE stream_id = $1 ORDER BY stream_version`,
      [streams[0]],
    );
    let previous: Buffer = GENESIS;
    for (const row of rows) {
      const expected = eventHash(previous, {
        eventId: row.event_id,
        streamId: streams[0] ?? '',
        streamVersion: row.stream_version,
        type: row.type,
        schemaVersion: row.schema_version,
        dataText: row.data,
        metadataText: row.metadata,
      });
      expect(row.hash.equals(expected)).toBe(true);
      previous = row.hash;
    }
    expect(rows).toHaveLength(3);
  });

  it('passes an untouched store, counting what it checked', async () => {
    const { schema } = await sealedStore();
    expect(await verifyStore(pool, schema)).toEqual({
      ok: true,
      eventsChecked: 9,
      streamsChecked: 3,
      sealsChecked: expect.any(Number),
      unsealedEvents: 0,
    });
  });

  it('names an event whose data was altered', async () => {
    const { schema, streams } = await sealedStore();
    await pool.query(`UPDATE ${schema}.events SET data = '{"i":99}' WHERE stream_id = $1 AND stream_version = 2`, [
      streams[1],
    ]);
    expect((await verifyStore(pool, schema)).firstBreak).toMatchObject({
      kind: 'event-altered',
      streamId: streams[1],
      streamVersion: 2,
    });
  });

  it('names the place of an event deleted inside a stream', async () => {
    const { schema, streams } = await sealedStore();
    await pool.query(`DELETE FROM ${schema}.events WHERE stream_id = $1 AND stream_version = 2`, [streams[0]]);
    expect((await verifyStore(pool, schema)).firstBreak).toMatchObject({
      kind: 'event-missing',
      streamId: streams[0],
      streamVersion: 2,
    });
  });

  it('notices an event deleted from the end of a stream', async () => {
    const { schema, streams } = await sealedStore();
    await pool.query(`DELETE FROM ${schema}.events WHERE stream_id = $1 AND stream_version = 3`, [streams[2]]);
    expect((await verifyStore(pool, schema)).firstBreak).toMatchObject({
      kind: 'stream-head-mismatch',
      streamId: streams[2],
    });
  });

  it('notices a whole stream deleted with its head, through the seal that covered it', async () => {
    const { schema, streams } = await sealedStore();
    await pool.query(`DELETE FROM ${schema}.events WHERE stream_id = $1`, [streams[1]]);
    await pool.query(`DELETE FROM ${schema}.streams WHERE stream_id = $1`, [streams[1]]);
    expect((await verifyStore(pool, schema)).firstBreak).toMatchObject({
      kind: 'seal-mismatch',
      sealNumber: expect.any(Number),
    });
  });

  it('notices events swapped inside a stream', async () => {
    const { schema, streams } = await sealedStore();
    const swap = [
      [1, -1],
      [2, 1],
      [-1, 2],
    ];
    for (const [from, to] of swap) {
      await pool.query(`UPDATE ${schema}.events SET stream_version = $3 WHERE stream_id = $1 AND stream_version = $2`, [
        streams[0],
        from,
        to,
      ]);
    }
    expect((await verifyStore(pool, schema)).firstBreak).toMatchObject({
      kind: 'event-altered',
      streamId: streams[0],
      streamVersion: 1,
    });
  });

  it('notices events moved in the global order', async () => {
    const { schema, streams } = await sealedStore();
    // Swap the transactions of the first events of two streams: their stream chains stay intact.
    await pool.query(
      `WITH pair AS (
         SELECT stream_id, transaction_id FROM ${schema}.events WHERE stream_version = 1 AND stream_id IN ($1, $2)
       )
       UPDATE ${schema}.events e SET transaction_id = other.transaction_id
         FROM pair mine JOIN pair other ON mine.stream_id <> other.stream_id
        WHERE e.stream_id = mine.stream_id AND e.stream_version = 1`,
      [streams[0], streams[2]],
    );
    const report = await verifyStore(pool, schema);
    expect(report.firstBreak).toMatchObject({ kind: 'seal-mismatch', sealNumber: expect.any(Number) });
    expect(report.eventsChecked).toBe(9);
  });

  it('counts events the sealer has not reached yet', async () => {
    const { schema, store, streams } = await sealedStore();
    await store.append(streams[0] ?? '', [sampleEvent('NoteRecorded', { late: true })]);
    expect(await verifyStore(pool, schema)).toMatchObject({ ok: true, eventsChecked: 10, unsealedEvents: 1 });
  });
});
