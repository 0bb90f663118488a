import { applySchema } from '@lintas/platform/database/apply-schema';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { KEY_BYTES, unwrapDataKey, wrapDataKey } from './master-key';
import { canonicalPersonId, isPersonId } from './person-id';

/** A person's key was destroyed (UU PDP erasure): nothing new may be sealed for them. */
export class PersonErasedError extends Error {
  constructor(readonly personId: string) {
    super(`Person ${personId} was erased: their key is destroyed and no personal data may be sealed for them`);
    this.name = 'PersonErasedError';
  }
}

export type PersonKeyState = Buffer | 'erased' | undefined;

export interface PersonKeyCacheOptions {
  /**
   * How long an unwrapped key is trusted without asking PostgreSQL again. Another process that
   * destroys a key cannot reach this process's cache, so this is how long a destroyed key may still
   * open (and seal) data here. 0 turns the cache off.
   */
  cacheTtlMs?: number;
  /** Keys kept at most; the least recently used goes first. */
  cacheSize?: number;
}

export interface PersonKeyStoreOptions extends PersonKeyCacheOptions {
  /** Schema of the person_keys table. */
  schema?: string;
}

/** Wrapped (row) as read: undefined when there is no row, null when the key was destroyed. */
type StoredKey = Buffer | null | undefined;

/**
 * One random data key per person, stored wrapped under the master key in `<schema>.person_keys`.
 * Destroying it is the erasure: the row stays, as its record, with the key gone.
 *
 * Unwrapped keys are cached, so that a million events of a few persons do not cost a million
 * lookups. A key destroyed here leaves this cache at once; one destroyed by another process stays
 * in this process's cache until the entry is evicted, the process restarts, or `cacheTtlMs` passes.
 * Data that a stale key seals meanwhile is still shredded: nobody else can unwrap that key any more.
 * Returned keys are shared with the cache: read them, never modify them.
 */
export class PersonKeyStore {
  private readonly table: string;
  private readonly schema: string;
  private readonly cache: KeyCache;
  private readonly loading = new Map<string, Promise<Buffer>>();
  // Counts destroys begun here; a read that overlaps one does not cache what it read.
  private destroys = 0;

  constructor(
    private readonly pool: Pool,
    private readonly masterKey: Buffer,
    options: PersonKeyStoreOptions = {},
  ) {
    if (masterKey.length !== KEY_BYTES) throw new Error(`The master key must be ${KEY_BYTES} bytes`);
    this.schema = options.schema ?? 'privacy';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.schema)) {
      throw new Error(`Invalid schema name '${this.schema}': lower-case letters, digits and underscores`);
    }
    this.table = `"${this.schema}".person_keys`;
    this.cache = new KeyCache(options.cacheSize ?? 10_000, options.cacheTtlMs ?? 60_000);
  }

  /** A store whose schema and table exist (created when missing). */
  static async open(
    pool: Pool,
    masterKey: Buffer,
    schema = 'privacy',
    options: PersonKeyCacheOptions = {},
  ): Promise<PersonKeyStore> {
    const store = new PersonKeyStore(pool, masterKey, { ...options, schema });
    await store.createTable();
    return store;
  }

  /** The person's data key, created on first use. Throws PersonErasedError once it was destroyed. */
  async keyFor(personId: string): Promise<Buffer> {
    const id = canonicalPersonId(personId);
    const cached = this.cache.get(id);
    if (cached) return cached;
    // Events of one new person are often sealed side by side: one lookup (and one new key) for all.
    const pending = this.loading.get(id);
    if (pending) return pending;
    const generation = this.destroys;
    const load = this.loadOrCreate(id)
      .then((key) => {
        if (generation === this.destroys) this.cache.set(id, key);
        return key;
      })
      .finally(() => {
        if (this.loading.get(id) === load) this.loading.delete(id);
      });
    this.loading.set(id, load);
    return load;
  }

  /** The person's data key without creating one: 'erased' once destroyed, undefined if there never was one. */
  async readKey(personId: string): Promise<PersonKeyState> {
    const id = canonicalPersonId(personId);
    const cached = this.cache.get(id);
    if (cached) return cached;
    const generation = this.destroys;
    return this.remember(id, await this.select(id), generation);
  }

  /** readKey for many persons in one query; the map has an entry for each id given, spelt as given. */
  async readKeys(personIds: readonly string[]): Promise<Map<string, PersonKeyState>> {
    const states = new Map<string, PersonKeyState>();
    const missing = new Set<string>();
    for (const id of new Set(personIds.map(canonicalPersonId))) {
      const cached = this.cache.get(id);
      if (cached) states.set(id, cached);
      else missing.add(id);
    }
    if (missing.size > 0) {
      const generation = this.destroys;
      const { rows } = await this.pool.query<{ person_id: string; wrapped_key: Buffer | null }>(
        `SELECT person_id::text AS person_id, wrapped_key FROM ${this.table} WHERE person_id = ANY($1::uuid[])`,
        [[...missing]],
      );
      const found = new Map(rows.map((row) => [row.person_id, row.wrapped_key]));
      for (const id of missing) states.set(id, this.remember(id, found.get(id), generation));
    }
    return new Map(personIds.map((personId) => [personId, states.get(canonicalPersonId(personId))]));
  }

  /**
   * Which of these ids name an erased person, as PostgreSQL has it now: never the cache, which may
   * still hold a key another process destroyed. Canonical spelling; ids that are no UUID name none.
   */
  async erasedAmong(personIds: readonly string[]): Promise<string[]> {
    const ids = [...new Set(personIds.filter(isPersonId).map(canonicalPersonId))];
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<{ person_id: string }>(
      `SELECT person_id::text AS person_id FROM ${this.table} WHERE person_id = ANY($1::uuid[]) AND wrapped_key IS NULL`,
      [ids],
    );
    return rows.map((row) => row.person_id);
  }

  /**
   * Erases the person: their key is destroyed for good and the row stays as the record of when.
   * Idempotent (the first erasure's time is kept); erasing a person who had no key yet leaves a
   * destroyed row, so that no key can be made for them later.
   */
  async destroy(personId: string): Promise<void> {
    const id = canonicalPersonId(personId);
    this.forget(id);
    await this.pool.query(
      `INSERT INTO ${this.table} AS k (person_id, wrapped_key, destroyed_at) VALUES ($1, NULL, now())
       ON CONFLICT (person_id) DO UPDATE SET wrapped_key = NULL, destroyed_at = COALESCE(k.destroyed_at, now())`,
      [id],
    );
    // Again: a read may have started after the first forget and finished before the update committed.
    this.forget(id);
  }

  private forget(id: string): void {
    this.destroys++;
    this.cache.delete(id);
    this.loading.delete(id);
  }

  private async createTable(): Promise<void> {
    await applySchema(this.pool, `lintas:privacy:${this.schema}`, [
      `CREATE SCHEMA IF NOT EXISTS "${this.schema}"`,
      `
        CREATE TABLE IF NOT EXISTS ${this.table} (
          person_id uuid PRIMARY KEY,
          wrapped_key bytea NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          destroyed_at timestamptz NULL,
          CONSTRAINT person_keys_key_or_destroyed CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
        )`,
    ]);
  }

  private async loadOrCreate(id: string): Promise<Buffer> {
    const stored = await this.select(id);
    if (stored !== undefined) return this.usable(id, stored);
    const key = randomBytes(KEY_BYTES);
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.table} (person_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING`,
      [id, wrapDataKey(this.masterKey, key, id)],
    );
    if (rowCount === 1) return key;
    // Another process made the key, or erased the person, between our select and insert: theirs stands.
    const raced = await this.select(id);
    if (raced === undefined) throw new Error(`The key row of person ${id} vanished: rows are never to be deleted`);
    return this.usable(id, raced);
  }

  private async select(id: string): Promise<StoredKey> {
    const { rows } = await this.pool.query<{ wrapped_key: Buffer | null }>(
      `SELECT wrapped_key FROM ${this.table} WHERE person_id = $1`,
      [id],
    );
    return rows[0]?.wrapped_key;
  }

  private usable(id: string, stored: Buffer | null): Buffer {
    if (stored === null) throw new PersonErasedError(id);
    return unwrapDataKey(this.masterKey, stored, id);
  }

  private remember(id: string, stored: StoredKey, generation: number): PersonKeyState {
    if (stored === undefined) return undefined;
    if (stored === null) return 'erased';
    const key = unwrapDataKey(this.masterKey, stored, id);
    if (generation === this.destroys) this.cache.set(id, key);
    return key;
  }
}

/** A Map kept in least-recently-used order; an entry's age counts from when it was read from PostgreSQL. */
class KeyCache {
  private readonly entries = new Map<string, { key: Buffer; expiresAt: number }>();

  constructor(
    private readonly size: number,
    private readonly ttlMs: number,
  ) {}

  get(id: string): Buffer | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (entry.expiresAt <= performance.now()) return undefined;
    this.entries.set(id, entry);
    return entry.key;
  }

  set(id: string, key: Buffer): void {
    if (this.size <= 0 || this.ttlMs <= 0) return;
    this.entries.delete(id);
    if (this.entries.size >= this.size) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(id, { key, expiresAt: performance.now() + this.ttlMs });
  }

  delete(id: string): void {
    this.entries.delete(id);
  }
}
