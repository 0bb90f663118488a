import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import { EventRegistry } from '@lintas/event-store/events/event-registry';
import { scoreMatch, type PersonDescription } from '@lintas/person-matching/match-score';
import { PROPOSAL_THRESHOLD } from '@lintas/person-matching/population/evaluate';
import type { ServiceEnv } from '@lintas/platform/config/service-env';
import { KEY_BYTES, parseMasterKey, wrapDataKey } from '@lintas/privacy/master-key';
import { PersonalDataProtector } from '@lintas/privacy/personal-data';
import { PersonKeyStore } from '@lintas/privacy/person-key-store';
import { MatchIndex, type MatchEntry } from '../../../apps/intake/src/application/match-index';
import { percentile } from '../../harness/stats';
import { explainAnalyze, tableSizes, vacuumAnalyze, watched, type SqlMatcher, type Statement } from './sql-plan';

type Log = (message: string) => void;

/** Intake's schema: the match index lives in its store's schema, the person keys in `intake_keys`. */
const SCHEMA = 'intake';
/** What MatchIndex and its cipher write. */
const TABLES = [`${SCHEMA}.match_records`, `${SCHEMA}.match_keys`, `${SCHEMA}_keys.person_keys`];
/** Person keys per INSERT while loading. */
const KEYS_PER_INSERT = 5_000;
/** Puts per loading transaction: what each transaction holds does not change what `put` writes. */
const PUTS_PER_TRANSACTION = 50;
/** The stages of one pickup on the service path, in order. */
const STAGES = ['begin', 'put', 'candidates SQL', 'keys SQL', 'open', 'score', 'commit'] as const;
type Stage = (typeof STAGES)[number];

/** Time spent in the key store's statements, while it is counted. */
interface KeysSql {
  ms: number | undefined;
}

/** How long loading took: the persons' keys, in bulk, then the puts. */
export interface LoadTimes {
  keysMs: number;
  putsMs: number;
}

/** An open tracing request as the matcher indexes it: its person, its request and office, what it says. */
export interface SoughtRecord {
  personId: string;
  tracingRequestId: string;
  description: PersonDescription;
}

/**
 * Intake's own match index (apps/intake/src/application/match-index.ts), constructed as its module
 * constructs it: an event store in intake's schema with a `PersonalDataProtector` over a
 * `PersonKeyStore` in `intake_keys` (the defaults: a cache of 10,000 keys for 60 s), a master key
 * made for the run. Every description is sealed with its person's key, its blocking keys stored as
 * blind-index tokens.
 */
export class ServicePath {
  private readonly stageTimes = new Map<Stage, number[]>(STAGES.map((stage) => [stage, []]));
  /** Each pickup's candidates statement's time, for picking the ones whose plans the log shows. */
  readonly candidatesSql: { probe: PersonDescription; ms: number }[] = [];

  private constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly keys: PersonKeyStore,
    private readonly masterKey: Buffer,
    private readonly index: MatchIndex,
    /** The key store's statements while `candidates` runs (it reads the candidates' keys on its own pool). */
    private readonly keysSql: KeysSql,
    /** Every probe's person id, fixed beforehand: its key is made before it is timed. */
    private readonly personIds: ReadonlyMap<PersonDescription, string>,
  ) {}

  static async open(pool: Pool, personIds: ReadonlyMap<PersonDescription, string>): Promise<ServicePath> {
    const masterKey = randomBytes(KEY_BYTES).toString('base64');
    // The key store's statements are timed, to tell reading the candidates' keys from opening them.
    const keysSql: KeysSql = { ms: undefined };
    const keysPool = watched(pool, ({ ms }) => {
      if (keysSql.ms !== undefined) keysSql.ms += ms;
    });
    const keys = await PersonKeyStore.open(keysPool, parseMasterKey(masterKey), `${SCHEMA}_keys`);
    const store = await EventStore.open(pool, {
      registry: new EventRegistry([]),
      cipher: new PersonalDataProtector(keys),
      schema: SCHEMA,
    });
    const index = new MatchIndex(pool, store, { PERSONAL_DATA_KEY: masterKey } as ServiceEnv);
    await index.onModuleInit();
    return new ServicePath(pool, store, keys, parseMasterKey(masterKey), index, keysSql, personIds);
  }

  /**
   * Writes the open requests as the matcher does, through `MatchIndex.put` (the description sealed
   * with its person's key, the tokens), `concurrency` transactions of 50 puts at a time. The persons'
   * keys are made first, in bulk, as `PersonKeyStore` makes each (a random key wrapped under the
   * master key, bound to the person id): in intake they exist before a request is indexed, since
   * its events were sealed with them. Each transaction's keys are read into the key store's cache
   * (one query) before its puts, so that `put` finds them there rather than asking for each.
   */
  async load(records: readonly SoughtRecord[], concurrency: number, log: Log): Promise<LoadTimes> {
    const started = performance.now();
    for (let i = 0; i < records.length; i += KEYS_PER_INSERT) {
      const ids = records.slice(i, i + KEYS_PER_INSERT).map((record) => record.personId);
      await this.pool.query(
        `INSERT INTO ${SCHEMA}_keys.person_keys (person_id, wrapped_key) SELECT * FROM unnest($1::uuid[], $2::bytea[])`,
        [ids, ids.map((id) => wrapDataKey(this.masterKey, randomBytes(KEY_BYTES), id))],
      );
    }
    const keysMs = performance.now() - started;
    let next = 0;
    let done = 0;
    let reported = 0;
    const worker = async () => {
      const client = await this.pool.connect();
      try {
        for (;;) {
          const from = next;
          if (from >= records.length) return;
          const to = Math.min(records.length, from + PUTS_PER_TRANSACTION);
          next = to;
          const batch = records.slice(from, to);
          await this.keys.readKeys(batch.map((record) => record.personId));
          await client.query('BEGIN');
          for (const record of batch) await this.index.put(client, sought(record));
          await client.query('COMMIT');
          done += batch.length;
          if (done - reported >= records.length / 5) {
            reported = done;
            const seconds = (performance.now() - started - keysMs) / 1_000;
            log(`lintas load: ${done} puts in ${seconds.toFixed(1)} s (${Math.round(done / seconds)}/s)`);
          }
        }
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const putsMs = performance.now() - started - keysMs;
    await this.check(records);
    return { keysMs, putsMs };
  }

  /** A few of the loaded requests read back through `MatchIndex.get`: opened, they say what was put. */
  private async check(records: readonly SoughtRecord[]): Promise<void> {
    for (const record of [records[0], records[Math.floor(records.length / 2)], records.at(-1)]) {
      if (!record) continue;
      const entry = await this.index.get(record.personId);
      if (JSON.stringify(entry?.description) !== JSON.stringify(record.description)) {
        throw new Error(`the match index does not give back what was put for ${record.personId}`);
      }
    }
  }

  /**
   * Before a pickup is timed: its person's key exists and is in this process's cache, as it is in
   * intake when the matcher runs (the PickupReported event was sealed with it moments before).
   */
  async pickupReported(probe: PersonDescription): Promise<void> {
    await this.keys.keyFor(this.personIdOf(probe));
  }

  /**
   * What TracingMatcher does for a new pickup, up to its proposals: `put` of the person found in a
   * transaction of its own, then in the inbox's: `candidates` (the SQL over the tokens, then
   * the candidates' descriptions opened with their persons' keys), `scoreMatch` on each. The
   * pickup's stream read before it, and the ProposeMatch commands after it, are not part of it.
   */
  readonly match: SqlMatcher = async (probe) => {
    const entry = found(this.personIdOf(probe), probe);
    const times: number[] = [performance.now()];
    const mark = () => times.push(performance.now());
    let inCandidates = false;
    let candidatesSqlMs = 0;
    let keysSqlMs = 0;
    const connection = await this.pool.connect();
    const client = watched(connection, ({ ms }) => {
      if (inCandidates) candidatesSqlMs += ms;
    });
    let proposed = 0;
    try {
      await client.query('BEGIN');
      mark();
      await this.index.putCommitted(entry);
      mark();
      inCandidates = true;
      this.keysSql.ms = 0;
      const candidates = await this.index.candidates(client, entry);
      inCandidates = false;
      keysSqlMs = this.keysSql.ms ?? 0;
      this.keysSql.ms = undefined;
      mark();
      for (const other of candidates) {
        const context = { candidates: candidates.length };
        if (scoreMatch(other.description, entry.description, context).probability >= PROPOSAL_THRESHOLD) proposed += 1;
      }
      mark();
      await client.query('COMMIT');
      mark();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
    this.candidatesSql.push({ probe, ms: candidatesSqlMs });
    const spans = times.slice(1).map((time, i) => time - (times[i] ?? time));
    const [begin = 0, put = 0, candidates = 0, score = 0, commit = 0] = spans;
    this.record({
      begin,
      put,
      'candidates SQL': candidatesSqlMs,
      'keys SQL': keysSqlMs,
      open: candidates - candidatesSqlMs - keysSqlMs,
      score,
      commit,
    });
    return proposed;
  };

  /** The p50 of each stage since the last call, for the run's log line; then forgotten. */
  stagesSinceLast(): string {
    const parts = STAGES.map((stage) => {
      const times = this.stageTimes.get(stage) ?? [];
      return times.length === 0 ? `${stage} -` : `${stage} ${percentile(times, 50).toFixed(2)}`;
    });
    for (const times of this.stageTimes.values()) times.length = 0;
    return `(stage p50 ms: ${parts.join(', ')})`;
  }

  /** The statement `candidates` sends for this probe (sent once, in a transaction rolled back), and its plan. */
  async explainCandidates(probe: PersonDescription): Promise<string[]> {
    const connection = await this.pool.connect();
    try {
      let statement: Statement | undefined;
      const client = watched(connection, (seen) => {
        if (seen.text.includes('match_keys') && seen.text.trimStart().startsWith('SELECT')) statement ??= seen;
      });
      await client.query('BEGIN');
      await this.index.candidates(client, found(this.personIdOf(probe), probe));
      await client.query('ROLLBACK');
      if (!statement) throw new Error('candidates sent no SELECT over match_keys');
      return await explainAnalyze(connection, statement);
    } finally {
      connection.release();
    }
  }

  /** What the load wrote, for the log. */
  sizes(): Promise<string> {
    return tableSizes(this.pool, TABLES);
  }

  async analyze(): Promise<void> {
    await vacuumAnalyze(this.pool, TABLES);
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  private personIdOf(probe: PersonDescription): string {
    const id = this.personIds.get(probe);
    if (!id) throw new Error('a probe without a person id');
    return id;
  }

  private record(spans: Record<Stage, number>): void {
    for (const stage of STAGES) this.stageTimes.get(stage)?.push(spans[stage]);
  }
}

function sought({ personId, tracingRequestId, description }: SoughtRecord): MatchEntry {
  return { personId, side: 'sought', tracingRequestId, officeId: 'dinsos-bench', description };
}

function found(personId: string, description: PersonDescription): MatchEntry {
  return { personId, side: 'found', tracingRequestId: null, officeId: null, description };
}
