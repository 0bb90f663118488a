import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { EventRegistry } from '../events/event-registry';
import { EventStore } from '../event-store';
import { EVENT_HASH_SQL, eventHash, GENESIS } from '../hashing/event-hash';
import { loadSealKeys } from '../sealing/seal-keys';
import { SealSigner, TrustedSealKeys } from '../sealing/seal-signature';
import { sealAll } from '../sealing/sealer';
import { SAMPLE_DEFINITIONS, sampleEvent } from '../../test/sample-events';
import { verifyStore, type ChainBreak } from './verify-store';

const infra = useRealInfrastructure();
let pool: Pool;
let schemaCount = 0;
/** The store's own key: the only one verification trusts unless a test says otherwise. */
const signer = SealSigner.generate();
const trustedKeys = TrustedSealKeys.of(signer);
const verify = (schema: string, options: Parameters<typeof verifyStore>[2] = {}) =>
  verifyStore(pool, schema, { trustedKeys, ...options });

beforeAll(() => {
  pool = infra.createPool();
});

/** Seals until `count` events are sealed: sealing stops at the oldest transaction running anywhere on the server. */
async function sealUntil(schema: string, count: number, by: SealSigner = signer): Promise<void> {
  for (let sealed = 0, waited = 0; sealed < count && waited < 10_000; waited += 20) {
    sealed += await sealAll(pool, schema, by, 3);
    if (sealed < count) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A fresh store with three streams a, b, c of three events each, appended one stream after the
 * other and sealed three events a seal: seal 1 covers a, seal 2 covers b, seal 3 covers c.
 */
async function sealedStore(by: SealSigner = signer): Promise<{ store: EventStore; streams: string[]; schema: string }> {
  schemaCount += 1;
  const schema = `verify_${schemaCount}`;
  const store = await EventStore.open(pool, { registry: new EventRegistry(SAMPLE_DEFINITIONS), schema });
  const streams = ['a', 'b', 'c'].map((name) => `${name}-${randomUUID()}`);
  for (const stream of streams) {
    for (let i = 1; i <= 3; i += 1) await store.append(stream, [sampleEvent('NoteRecorded', { stream, i })]);
  }
  await sealUntil(schema, 9, by);
  return { store, streams, schema };
}

/** Where an event stands: its id and position, as a break names them. */
async function located(schema: string, streamId: string, version: number) {
  const { rows } = await pool.query<{ eventId: string; position: string }>(
    `SELECT event_id::text AS "eventId", transaction_id::text || '.' || sequence::text AS position
       FROM ${schema}.events WHERE stream_id = $1 AND stream_version = $2`,
    [streamId, version],
  );
  const row = rows[0];
  if (!row) throw new Error(`no event ${version} in ${streamId}`);
  return row;
}

const kinds = (breaks: ChainBreak[]) => breaks.map((found) => [found.kind, found.sealNumber ?? found.streamId]);

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
    expect(await verify(schema)).toEqual({
      ok: true,
      eventsChecked: 9,
      streamsChecked: 3,
      sealsChecked: 3,
      unsignedSeals: 0,
      unsealedEvents: 0,
      breaks: [],
      breaksTruncated: false,
    });
  });

  it('names every seal a tamperer with SQL access rewrote, hashes, head and seal hashes recomputed in one block', async () => {
    const { schema, streams } = await sealedStore();
    const b = streams[1] ?? '';
    // Stream b's second event gets new data; its hash and the next one's are recomputed with the
    // store's own formula, the head follows, and every seal is recomputed from the first: all that
    // SQL access can do. Only the signing key, which is not in the database, is out of reach.
    await pool.query(`
      DO $tamper$
      DECLARE
        r record;
        prev bytea;
        seal record;
        prev_seal bytea := decode(repeat('00', 32), 'hex');
        after_tx xid8 := '0'::xid8;
        after_seq bigint := 0;
      BEGIN
        UPDATE ${schema}.events SET data = '{"stream":"${b}","i":99}' WHERE stream_id = '${b}' AND stream_version = 2;
        SELECT hash INTO prev FROM ${schema}.events WHERE stream_id = '${b}' AND stream_version = 1;
        FOR r IN SELECT stream_version FROM ${schema}.events WHERE stream_id = '${b}' AND stream_version >= 2 ORDER BY stream_version LOOP
          UPDATE ${schema}.events SET hash = (
              SELECT ${EVENT_HASH_SQL}
                FROM (SELECT e.*, prev AS previous FROM ${schema}.events e
                       WHERE e.stream_id = '${b}' AND e.stream_version = r.stream_version) AS t)
           WHERE stream_id = '${b}' AND stream_version = r.stream_version
          RETURNING hash INTO prev;
        END LOOP;
        UPDATE ${schema}.streams SET last_hash = prev WHERE stream_id = '${b}';
        FOR seal IN SELECT number, last_transaction_id, last_sequence FROM ${schema}.seals ORDER BY number LOOP
          UPDATE ${schema}.seals SET hash = (
              SELECT sha256(prev_seal || coalesce(string_agg(e.hash, ''::bytea ORDER BY e.transaction_id, e.sequence), ''::bytea))
                FROM ${schema}.events e
               WHERE (e.transaction_id, e.sequence) > (after_tx, after_seq)
                 AND (e.transaction_id, e.sequence) <= (seal.last_transaction_id, seal.last_sequence))
           WHERE number = seal.number
          RETURNING hash INTO prev_seal;
          after_tx := seal.last_transaction_id;
          after_seq := seal.last_sequence;
        END LOOP;
      END
      $tamper$`);
    expect(
      (await pool.query(`SELECT data::text FROM ${schema}.events WHERE stream_id = $1 AND stream_version = 2`, [b]))
        .rows[0]?.data,
    ).toContain('99');

    const report = await verify(schema);
    // Every chain, head and seal hash agrees again; the two rewritten seals' signatures do not.
    expect(kinds(report.breaks)).toEqual([
      ['seal-signature-invalid', 2],
      ['seal-signature-invalid', 3],
    ]);
    expect(report).toMatchObject({ ok: false, sealsChecked: 3, unsignedSeals: 0, breaksTruncated: false });
    expect(report.breaks[0]?.position).toBe((await located(schema, b, 3)).position);
  });

  it('names both of two alterations in two streams, each with its stream, version, position and event id', async () => {
    const { schema, streams } = await sealedStore();
    const [a, , c] = streams as [string, string, string];
    const [first, second] = [await located(schema, a, 2), await located(schema, c, 3)];
    await pool.query(`UPDATE ${schema}.events SET data = '{"i":99}' WHERE stream_id = $1 AND stream_version = 2`, [a]);
    await pool.query(`UPDATE ${schema}.events SET metadata = '{}' WHERE stream_id = $1 AND stream_version = 3`, [c]);

    const report = await verify(schema);
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual(
      [
        {
          kind: 'event-altered',
          streamId: a,
          streamVersion: 2,
          ...first,
          detail: expect.stringContaining(first.eventId),
        },
        {
          kind: 'event-altered',
          streamId: c,
          streamVersion: 3,
          ...second,
          detail: expect.stringContaining(second.position),
        },
      ].sort((x, y) => x.streamId.localeCompare(y.streamId)),
    );
  });

  it('names the place of an event deleted inside a stream, and the seal over it', async () => {
    const { schema, streams } = await sealedStore();
    await pool.query(`DELETE FROM ${schema}.events WHERE stream_id = $1 AND stream_version = 2`, [streams[1]]);
    const { breaks } = await verify(schema);
    expect(breaks).toEqual([
      expect.objectContaining({ kind: 'event-missing', streamId: streams[1], streamVersion: 2 }),
      expect.objectContaining({ kind: 'seal-mismatch', sealNumber: 2 }),
    ]);
  });

  it('notices events removed from the end of a stream, its head moved back too', async () => {
    const { schema, streams } = await sealedStore();
    const c = streams[2] ?? '';
    const kept = await located(schema, c, 2);
    await pool.query(`DELETE FROM ${schema}.events WHERE stream_id = $1 AND stream_version = 3`, [c]);
    expect((await verify(schema)).breaks).toEqual([
      {
        kind: 'stream-head-mismatch',
        streamId: c,
        streamVersion: 2,
        ...kept,
        detail: expect.stringContaining('removed'),
      },
      expect.objectContaining({ kind: 'seal-mismatch', sealNumber: 3 }),
    ]);

    await pool.query(
      `UPDATE ${schema}.streams SET version = 2, last_hash = (SELECT hash FROM ${schema}.events WHERE stream_id = $1 AND stream_version = 2) WHERE stream_id = $1`,
      [c],
    );
    expect(kinds((await verify(schema)).breaks)).toEqual([['seal-mismatch', 3]]);
  });

  it('notices a whole stream deleted with its head, through the seal that covered it', async () => {
    const { schema, streams } = await sealedStore();
    await pool.query(`DELETE FROM ${schema}.events WHERE stream_id = $1`, [streams[1]]);
    await pool.query(`DELETE FROM ${schema}.streams WHERE stream_id = $1`, [streams[1]]);
    expect(kinds((await verify(schema)).breaks)).toEqual([['seal-mismatch', 2]]);
  });

  it('notices events swapped inside a stream, naming every link they broke', async () => {
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
    expect((await verify(schema)).breaks).toEqual([
      expect.objectContaining({ kind: 'event-altered', streamId: streams[0], streamVersion: 1 }),
      expect.objectContaining({ kind: 'event-altered', streamId: streams[0], streamVersion: 2 }),
      // The third is intact, but its link now points at what stands at version 2.
      expect.objectContaining({ kind: 'event-altered', streamId: streams[0], streamVersion: 3 }),
    ]);
  });

  it('notices events moved in the global order, in every seal they moved between', async () => {
    const { schema, streams } = await sealedStore();
    // Swap the transactions of the first events of a and c: their stream chains stay intact.
    await pool.query(
      `WITH pair AS (
         SELECT stream_id, transaction_id FROM ${schema}.events WHERE stream_version = 1 AND stream_id IN ($1, $2)
       )
       UPDATE ${schema}.events e SET transaction_id = other.transaction_id
         FROM pair mine JOIN pair other ON mine.stream_id <> other.stream_id
        WHERE e.stream_id = mine.stream_id AND e.stream_version = 1`,
      [streams[0], streams[2]],
    );
    const report = await verify(schema);
    expect(kinds(report.breaks)).toEqual([
      ['seal-mismatch', 1],
      ['seal-mismatch', 3],
    ]);
    expect(report.eventsChecked).toBe(9);
  });

  it('notices a seal deleted from the middle, and the seal after it that no longer follows', async () => {
    const { schema } = await sealedStore();
    await pool.query(`DELETE FROM ${schema}.seals WHERE number = 2`);
    expect(kinds((await verify(schema)).breaks)).toEqual([
      ['seal-mismatch', 3],
      ['seal-mismatch', 3],
      ['seal-signature-invalid', 3],
    ]);
  });

  it('reports seals signed by a key it does not trust, and a trusted key id put beside a foreign signature', async () => {
    const stranger = SealSigner.generate();
    const { schema } = await sealedStore(stranger);
    expect(kinds((await verify(schema)).breaks)).toEqual([
      ['seal-key-unknown', 1],
      ['seal-key-unknown', 2],
      ['seal-key-unknown', 3],
    ]);
    // A key id in the database only picks among the trusted keys: naming ours does not make the signature ours.
    await pool.query(`UPDATE ${schema}.seals SET key_id = $1 WHERE number = 2`, [signer.keyId]);
    expect((await verify(schema)).breaks.map((found) => found.kind)).toEqual([
      'seal-key-unknown',
      'seal-signature-invalid',
      'seal-key-unknown',
    ]);
    // Without trusted keys nothing signed is vouched for.
    expect(await verifyStore(pool, schema)).toMatchObject({
      ok: false,
      breaks: expect.arrayContaining([
        expect.objectContaining({ kind: 'seal-key-unknown', detail: expect.stringContaining('none were given') }),
      ]),
    });
  });

  it('passes after a key rotation with the old and the new public key trusted, read from the configured files', async () => {
    const { schema, store, streams } = await sealedStore();
    const rotated = SealSigner.generate();
    await store.append(streams[0] ?? '', [sampleEvent('NoteRecorded', { after: 'rotation' })]);
    await sealUntil(schema, 1, rotated);
    const { rows } = await pool.query<{ key_id: string }>(`SELECT key_id FROM ${schema}.seals ORDER BY number`);
    expect(rows.map((row) => row.key_id)).toEqual([signer.keyId, signer.keyId, signer.keyId, rotated.keyId]);

    const folder = await mkdtemp(join(tmpdir(), 'lintas-seal-keys-'));
    try {
      const signingKeyFile = join(folder, 'seal.pem');
      const trustedPublicKeysFile = join(folder, 'trusted.pem');
      await writeFile(signingKeyFile, rotated.toPem(), { mode: 0o600 });
      await writeFile(trustedPublicKeysFile, signer.publicKey.export({ format: 'pem', type: 'spki' }).toString());
      const keys = await loadSealKeys({
        service: 'verify',
        signingKeyFile,
        trustedPublicKeysFile,
        createIfMissing: false,
      });
      expect(await verifyStore(pool, schema, { trustedKeys: keys.trusted })).toMatchObject({
        ok: true,
        sealsChecked: 4,
        breaks: [],
      });
      // The new key alone does not vouch for the seals of the old one.
      const newOnly = await loadSealKeys({ service: 'verify', signingKeyFile, createIfMissing: false });
      expect(kinds((await verifyStore(pool, schema, { trustedKeys: newOnly.trusted })).breaks)).toEqual([
        ['seal-key-unknown', 1],
        ['seal-key-unknown', 2],
        ['seal-key-unknown', 3],
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('migrates a store made before seals were signed: its seals read as unsigned, a signature removed later as a break', async () => {
    const { schema, store } = await sealedStore();
    await pool.query(`ALTER TABLE ${schema}.seals DROP COLUMN signature, DROP COLUMN key_id`);
    await EventStore.open(pool, { registry: new EventRegistry(SAMPLE_DEFINITIONS), schema });
    expect(await verify(schema)).toMatchObject({ ok: true, sealsChecked: 3, unsignedSeals: 3, breaks: [] });

    // Sealing goes on signed; removing a signature after that is a break, not an older seal.
    await store.append(`d-${randomUUID()}`, [sampleEvent('NoteRecorded', { late: true })]);
    await sealUntil(schema, 1);
    expect(await verify(schema)).toMatchObject({ ok: true, sealsChecked: 4, unsignedSeals: 3 });
    await store.append(`e-${randomUUID()}`, [sampleEvent('NoteRecorded', { later: true })]);
    await sealUntil(schema, 1);
    await pool.query(`UPDATE ${schema}.seals SET signature = NULL, key_id = NULL WHERE number = 5`);
    expect(kinds((await verify(schema)).breaks)).toEqual([['seal-signature-invalid', 5]]);
  });

  it('lists at most maxBreaks breaks and says it left some out', async () => {
    const { schema, streams } = await sealedStore();
    for (const stream of streams) {
      await pool.query(`UPDATE ${schema}.events SET data = '{}' WHERE stream_id = $1 AND stream_version = 1`, [stream]);
    }
    expect(await verify(schema, { maxBreaks: 2 })).toMatchObject({
      ok: false,
      breaksTruncated: true,
      breaks: [{}, {}],
    });
    expect(await verify(schema, { maxBreaks: 3 })).toMatchObject({ breaksTruncated: false, breaks: [{}, {}, {}] });
  });

  it('counts events the sealer has not reached yet', async () => {
    const { schema, store, streams } = await sealedStore();
    await store.append(streams[0] ?? '', [sampleEvent('NoteRecorded', { late: true })]);
    expect(await verify(schema)).toMatchObject({ ok: true, eventsChecked: 10, unsealedEvents: 1, breaks: [] });
  });
});
