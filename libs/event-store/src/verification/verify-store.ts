import type { Pool } from 'pg';
import { EVENT_HASH_SQL, GENESIS } from '../hashing/event-hash';
import { sealHashSql } from '../sealing/seal-hash';
import { TrustedSealKeys } from '../sealing/seal-signature';

export type BreakKind =
  | 'event-altered'
  | 'event-missing'
  | 'stream-head-mismatch'
  | 'stream-head-missing'
  | 'stream-missing'
  | 'seal-mismatch'
  | 'seal-signature-invalid'
  | 'seal-key-unknown';

/** One place where the stored history no longer matches its hashes or its signed seals. */
export interface ChainBreak {
  kind: BreakKind;
  streamId?: string;
  streamVersion?: number;
  /**
   * `transaction_id.sequence`: of the event the break is at; of a stream's last event for a head;
   * of the last event a seal covers for a seal.
   */
  position?: string;
  eventId?: string;
  sealNumber?: number;
  detail: string;
}

export interface VerificationReport {
  /** No break: every chain, head and seal matches, and every signed seal's signature holds. */
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  sealsChecked: number;
  /** Seals written before seals were signed: they vouch for the order only as far as the database is trusted. */
  unsignedSeals: number;
  /** Events after the last seal: covered by their stream chains only, until the sealer reaches them. */
  unsealedEvents: number;
  /** Every break, in stream order, then heads, then seals; at most `maxBreaks` of them. */
  breaks: ChainBreak[];
  /** More breaks were found than listed. */
  breaksTruncated: boolean;
}

export interface VerifyStoreOptions {
  /**
   * The public keys seals may be signed with: from configuration (SealKeys.trusted), never from
   * the database. Without them no key is trusted, and every signed seal is reported as
   * `seal-key-unknown`: a verifier that trusts no key vouches for no signature.
   */
  trustedKeys?: TrustedSealKeys;
  /** How many breaks to list at most (1,000 by default); `breaksTruncated` says when there were more. */
  maxBreaks?: number;
}

const DEFAULT_MAX_BREAKS = 1_000;
const NO_KEYS = new TrustedSealKeys([]);

/**
 * Checks every link of every stream's chain, every stream head, then every seal against the
 * events in global order and against its signature, and names every broken link (up to
 * maxBreaks). PostgreSQL recomputes the hashes itself (sha256 over the stored bytes), so no event
 * is shipped out and the work runs on the database's own cores; the checks run at once on
 * separate connections. Each seal is compared with the run of events after the seal stored before
 * it, so a broken seal does not hide the ones after it.
 */
export async function verifyStore(
  pool: Pool,
  schema: string,
  options: VerifyStoreOptions = {},
): Promise<VerificationReport> {
  const limit = options.maxBreaks ?? DEFAULT_MAX_BREAKS;
  const [links, heads, seals, counts] = await Promise.all([
    brokenLinks(pool, schema, limit + 1),
    brokenHeads(pool, schema, limit + 1),
    verifySeals(pool, schema, options.trustedKeys ?? NO_KEYS, limit + 1),
    countAll(pool, schema),
  ]);
  const found = [...links, ...heads, ...seals.breaks];
  return {
    ok: found.length === 0,
    eventsChecked: counts.events,
    streamsChecked: counts.streams,
    sealsChecked: seals.sealsChecked,
    unsignedSeals: seals.unsignedSeals,
    unsealedEvents: seals.unsealedEvents,
    breaks: found.slice(0, limit),
    breaksTruncated: found.length > limit,
  };
}

async function brokenLinks(pool: Pool, schema: string, limit: number): Promise<ChainBreak[]> {
  const { rows } = await pool.query<{ stream_id: string; stream_version: number; expected_version: number }>(
    `WITH linked AS (
       SELECT stream_id, stream_version, hash, type, schema_version, event_id, data, metadata,
              lag(stream_version, 1, 0) OVER w + 1 AS expected_version,
              coalesce(lag(hash) OVER w, $1::bytea) AS previous
         FROM ${schema}.events WINDOW w AS (PARTITION BY stream_id ORDER BY stream_version)
     )
     SELECT stream_id, stream_version, expected_version FROM linked
      WHERE stream_version <> expected_version OR hash <> ${EVENT_HASH_SQL}
      ORDER BY linked.stream_id, linked.stream_version LIMIT $2`,
    [GENESIS, limit],
  );
  const where = await locate(pool, schema, rows);
  return rows.map((row): ChainBreak => {
    const { eventId, position } = where(row);
    if (row.stream_version !== row.expected_version) {
      const missing =
        row.stream_version - row.expected_version === 1
          ? `version ${row.expected_version} is missing`
          : `versions ${row.expected_version} to ${row.stream_version - 1} are missing`;
      return {
        kind: 'event-missing',
        streamId: row.stream_id,
        streamVersion: row.expected_version,
        detail: `stream ${row.stream_id} jumps from version ${row.expected_version - 1} to ${row.stream_version} (event ${eventId} at ${position}): ${missing}`,
      };
    }
    return {
      kind: 'event-altered',
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      position,
      eventId,
      detail: `event ${row.stream_version} of stream ${row.stream_id} (${eventId} at ${position}) does not match its hash: altered, or moved here`,
    };
  });
}

/**
 * The ids and positions of the few events a check named, looked up by key afterwards: carried
 * through the check itself they would widen every row it sorts.
 */
async function locate(
  pool: Pool,
  schema: string,
  keys: { stream_id: string; stream_version: number }[],
): Promise<(key: { stream_id: string; stream_version: number }) => { eventId: string; position: string }> {
  const found = new Map<string, { eventId: string; position: string }>();
  if (keys.length > 0) {
    const { rows } = await pool.query<{
      stream_id: string;
      stream_version: number;
      event_id: string;
      position: string;
    }>(
      `SELECT stream_id, stream_version, event_id::text, transaction_id::text || '.' || sequence::text AS position
         FROM ${schema}.events
        WHERE (stream_id, stream_version) IN (SELECT * FROM unnest($1::text[], $2::int[]))`,
      [keys.map((key) => key.stream_id), keys.map((key) => key.stream_version)],
    );
    for (const row of rows) {
      found.set(`${row.stream_version}:${row.stream_id}`, { eventId: row.event_id, position: row.position });
    }
  }
  return (key) => found.get(`${key.stream_version}:${key.stream_id}`) ?? { eventId: '?', position: '?' };
}

async function brokenHeads(pool: Pool, schema: string, limit: number): Promise<ChainBreak[]> {
  const { rows } = await pool.query<{
    stream_id: string;
    head_version: number | null;
    last_version: number | null;
  }>(
    `WITH last AS (
       SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM ${schema}.events
        ORDER BY stream_id, stream_version DESC
     )
     SELECT coalesce(h.stream_id, l.stream_id) AS stream_id, h.version AS head_version, l.stream_version AS last_version
       FROM ${schema}.streams h FULL JOIN last l ON l.stream_id = h.stream_id
      WHERE h.stream_id IS NULL OR l.stream_id IS NULL OR h.version <> l.stream_version OR h.last_hash <> l.hash
      ORDER BY 1 LIMIT $1`,
    [limit],
  );
  const where = await locate(
    pool,
    schema,
    rows.flatMap((row) => (row.last_version === null ? [] : [{ ...row, stream_version: row.last_version }])),
  );
  return rows.map((row): ChainBreak => {
    const located = row.last_version === null ? undefined : where({ ...row, stream_version: row.last_version });
    const last = row.last_version === null ? {} : { streamVersion: row.last_version, ...located };
    if (row.head_version === null) {
      return {
        kind: 'stream-head-missing',
        streamId: row.stream_id,
        ...last,
        detail: `stream ${row.stream_id} has events (up to version ${row.last_version}) but no head`,
      };
    }
    if (row.last_version === null) {
      return {
        kind: 'stream-missing',
        streamId: row.stream_id,
        streamVersion: row.head_version,
        detail: `stream ${row.stream_id} has a head at version ${row.head_version} but no events`,
      };
    }
    const detail =
      row.head_version > row.last_version
        ? `stream ${row.stream_id} ends at version ${row.last_version} but its head says ${row.head_version}: events were removed from its end`
        : row.head_version < row.last_version
          ? `stream ${row.stream_id} goes on to version ${row.last_version} but its head says ${row.head_version}: events were added past its head`
          : `the last event of stream ${row.stream_id} (version ${row.last_version}, ${located?.eventId} at ${located?.position}) is not the one its head recorded: it was rewritten`;
    return { kind: 'stream-head-mismatch', streamId: row.stream_id, ...last, detail };
  });
}

interface SealRow {
  number: string;
  last_transaction_id: string;
  last_sequence: string;
  event_count: number;
  hash: Buffer;
  signature: Buffer | null;
  key_id: string | null;
  sealed_at: string;
}

async function verifySeals(
  pool: Pool,
  schema: string,
  trusted: TrustedSealKeys,
  limit: number,
): Promise<{ sealsChecked: number; unsignedSeals: number; unsealedEvents: number; breaks: ChainBreak[] }> {
  const { rows: seals } = await pool.query<SealRow>(
    `SELECT number::text, last_transaction_id::text, last_sequence::text, event_count, hash, signature, key_id,
            to_char(sealed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS sealed_at
       FROM ${schema}.seals ORDER BY seals.number`,
  );
  const breaks: ChainBreak[] = [];
  const report = (found: ChainBreak) => void (breaks.length < limit && breaks.push(found));
  let previous: Buffer = GENESIS;
  let previousNumber = 0;
  let after: [string, string] = ['0', '0'];
  let lastSigned: string | undefined;
  let unsignedSeals = 0;
  for (const seal of seals) {
    const number = Number(seal.number);
    const position = `${seal.last_transaction_id}.${seal.last_sequence}`;
    const named = { sealNumber: number, position };
    if (number !== previousNumber + 1) {
      const gap =
        number - previousNumber === 2
          ? `seal ${previousNumber + 1} is`
          : `seals ${previousNumber + 1} to ${number - 1} are`;
      report({
        kind: 'seal-mismatch',
        ...named,
        detail: `${gap} missing: seal ${number} follows ${previousNumber === 0 ? 'no seal' : `seal ${previousNumber}`}`,
      });
    }
    const { rows } = await pool.query<{ hash: Buffer; count: number }>(sealHashSql(schema), [
      previous,
      ...after,
      seal.last_transaction_id,
      seal.last_sequence,
    ]);
    const count = rows[0]?.count ?? 0;
    if (count !== seal.event_count || !rows[0]?.hash.equals(seal.hash)) {
      report({
        kind: 'seal-mismatch',
        ...named,
        detail: `seal ${seal.number} covered ${seal.event_count} events after ${after.join('.')} up to ${position}; the store now holds ${count} there${count === seal.event_count ? ', changed or reordered' : ''}`,
      });
    }
    const signed = signatureBreak(schema, seal, previous, position, trusted, lastSigned);
    if (signed === 'unsigned') unsignedSeals += 1;
    else {
      lastSigned = seal.number;
      if (signed) report({ ...signed, ...named });
    }
    previous = seal.hash;
    previousNumber = number;
    after = [seal.last_transaction_id, seal.last_sequence];
  }
  const { rows: rest } = await pool.query<{ count: string }>(
    `SELECT count(*)::text AS count FROM ${schema}.events WHERE (transaction_id, sequence) > ($1::text::xid8, $2::bigint)`,
    after,
  );
  return { sealsChecked: seals.length, unsignedSeals, unsealedEvents: Number(rest[0]?.count ?? 0), breaks };
}

/**
 * What the seal's signature says of its row as stored now: nothing (it holds), 'unsigned' (a seal
 * from before seals were signed), or a break. A seal without a signature after a signed one had
 * its signature removed: once a store signs, it signs every seal.
 */
function signatureBreak(
  schema: string,
  seal: SealRow,
  previous: Buffer,
  position: string,
  trusted: TrustedSealKeys,
  lastSigned: string | undefined,
): Pick<ChainBreak, 'kind' | 'detail'> | 'unsigned' | undefined {
  if (seal.signature === null && seal.key_id === null) {
    if (lastSigned === undefined) return 'unsigned';
    return {
      kind: 'seal-signature-invalid',
      detail: `seal ${seal.number} has no signature though seal ${lastSigned} before it was signed: its signature was removed`,
    };
  }
  if (seal.signature === null || seal.key_id === null) {
    return { kind: 'seal-signature-invalid', detail: `seal ${seal.number} has a key id or a signature, not both` };
  }
  const check = trusted.check(
    {
      schema,
      number: seal.number,
      lastPosition: position,
      eventCount: seal.event_count,
      hash: seal.hash,
      previousHash: previous,
      sealedAt: seal.sealed_at,
    },
    seal.key_id,
    seal.signature,
  );
  if (check === 'unknown-key') {
    return {
      kind: 'seal-key-unknown',
      detail: `seal ${seal.number} is signed by key ${seal.key_id}, which is not among the trusted keys (${trusted.size === 0 ? 'none were given' : trusted.keyIds.join(', ')})`,
    };
  }
  if (check === 'invalid') {
    return {
      kind: 'seal-signature-invalid',
      detail: `the signature of seal ${seal.number} does not hold for the seal as stored (its hash, its run up to ${position}, the seal before it): rewritten without the signing key`,
    };
  }
  return undefined;
}

async function countAll(pool: Pool, schema: string): Promise<{ events: number; streams: number }> {
  const { rows } = await pool.query<{ events: number; streams: number }>(
    `SELECT (SELECT count(*)::int FROM ${schema}.events) AS events, (SELECT count(*)::int FROM ${schema}.streams) AS streams`,
  );
  return { events: rows[0]?.events ?? 0, streams: rows[0]?.streams ?? 0 };
}
