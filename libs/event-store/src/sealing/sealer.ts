import { visibleTransactions } from '../read/visibility';
import type { Pool } from 'pg';
import { GENESIS } from '../hashing/event-hash';
import { sealHashSql } from './seal-hash';
import type { SealSigner } from './seal-signature';

/**
 * Seals the next run of events in global order (at most maxEvents). Only events below the
 * snapshot's xmin are sealed: their order is final. One sealer at a time per store, by an
 * advisory lock, so that several service instances can all run it. Each seal is signed with the
 * signer's Ed25519 key, which never enters the database. Resolves with the count sealed.
 */
export async function sealNext(pool: Pool, schema: string, signer: SealSigner, maxEvents = 10_000): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('lintas-event-store-seal:' || $1))`, [schema]);
    const { rows: last } = await client.query<{
      number: string;
      last_transaction_id: string;
      last_sequence: string;
      hash: Buffer;
    }>(
      `SELECT number::text, last_transaction_id::text, last_sequence::text, hash FROM ${schema}.seals
        ORDER BY seals.number DESC LIMIT 1`,
    );
    const previous = last[0];
    const from = [previous?.last_transaction_id ?? '0', previous?.last_sequence ?? '0'];
    const { rows: ends } = await client.query<{ transaction_id: string; sequence: string }>(
      `SELECT transaction_id::text, sequence::text FROM (
         SELECT transaction_id, sequence FROM ${schema}.events
          WHERE (transaction_id, sequence) > ($1::text::xid8, $2::bigint)
            AND ${visibleTransactions(schema)}
          ORDER BY events.transaction_id, events.sequence LIMIT $3
       ) AS run ORDER BY run.transaction_id DESC, run.sequence DESC LIMIT 1`,
      [...from, maxEvents],
    );
    const end = ends[0];
    let sealed = 0;
    if (end) {
      const { rows } = await client.query<{ hash: Buffer; count: number }>(sealHashSql(schema), [
        previous?.hash ?? GENESIS,
        ...from,
        end.transaction_id,
        end.sequence,
      ]);
      sealed = rows[0]?.count ?? 0;
      const hash = rows[0]?.hash ?? Buffer.alloc(0);
      const number = String(Number(previous?.number ?? 0) + 1);
      // Milliseconds, as timestamptz keeps them exactly: the verifier rebuilds the same text.
      const sealedAt = new Date().toISOString();
      const signature = signer.sign({
        schema,
        number,
        lastPosition: `${end.transaction_id}.${end.sequence}`,
        eventCount: sealed,
        hash,
        previousHash: previous?.hash ?? GENESIS,
        sealedAt,
      });
      await client.query(
        `INSERT INTO ${schema}.seals (number, last_transaction_id, last_sequence, event_count, hash, sealed_at, signature, key_id)
         VALUES ($1, $2::text::xid8, $3, $4, $5, $6, $7, $8)`,
        [number, end.transaction_id, end.sequence, sealed, hash, sealedAt, signature, signer.keyId],
      );
    }
    await client.query('COMMIT');
    return sealed;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Seals until everything visible now is sealed. */
export async function sealAll(pool: Pool, schema: string, signer: SealSigner, maxEvents = 10_000): Promise<number> {
  let total = 0;
  for (
    let sealed = await sealNext(pool, schema, signer, maxEvents);
    sealed > 0;
    sealed = await sealNext(pool, schema, signer, maxEvents)
  ) {
    total += sealed;
  }
  return total;
}
