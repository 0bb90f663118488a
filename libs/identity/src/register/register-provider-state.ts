import type { AdapterPayload } from 'oidc-provider';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProviderStateStore, StoredEntry } from '../provider-state';

/** How often at most the expired rows are deleted (by whichever instance writes then). */
const SWEEP_EVERY_MS = 60_000;

/**
 * The provider's state in the register's schema (`provider_state`): a login page served by one
 * instance of the identity app is posted to another, a code issued by one is exchanged at another.
 */
export class RegisterProviderState implements ProviderStateStore {
  private sweptAt = 0;

  constructor(
    private readonly source: DataSource,
    private readonly schema: string,
  ) {}

  private get table(): string {
    return `"${this.schema}".provider_state`;
  }

  async upsert(model: string, key: string, entry: StoredEntry): Promise<void> {
    await this.sweep();
    await this.source.query(
      `INSERT INTO ${this.table} (model, key, payload, grant_id, uid, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (model, key) DO UPDATE
         SET payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid, expires_at = excluded.expires_at`,
      [model, key, JSON.stringify(entry.payload), entry.grantId ?? null, entry.uid ?? null, entry.expiresAt],
    );
  }

  async find(model: string, key: string): Promise<AdapterPayload | undefined> {
    const rows = await this.source.query<{ payload: AdapterPayload }[]>(
      `SELECT payload FROM ${this.table} WHERE model = $1 AND key = $2 AND expires_at > now()`,
      [model, key],
    );
    return rows[0]?.payload;
  }

  async findByUid(model: string, uid: string): Promise<AdapterPayload | undefined> {
    const rows = await this.source.query<{ payload: AdapterPayload }[]>(
      `SELECT payload FROM ${this.table} WHERE model = $1 AND uid = $2 AND expires_at > now() LIMIT 1`,
      [model, uid],
    );
    return rows[0]?.payload;
  }

  async consume(model: string, key: string, at: number): Promise<void> {
    await this.source.query(
      `UPDATE ${this.table} SET payload = payload || jsonb_build_object('consumed', $3::bigint) WHERE model = $1 AND key = $2`,
      [model, key, at],
    );
  }

  async destroy(model: string, key: string): Promise<void> {
    await this.source.query(`DELETE FROM ${this.table} WHERE model = $1 AND key = $2`, [model, key]);
  }

  async revokeByGrantId(model: string, grantId: string): Promise<void> {
    await this.source.query(`DELETE FROM ${this.table} WHERE model = $1 AND grant_id = $2`, [model, grantId]);
  }

  /** Everything kept for a person's sign-ins (sessions, grants, codes, refresh tokens) goes at once. */
  async forgetAccount(userId: string, within: EntityManager = this.source.manager): Promise<void> {
    await within.query(`DELETE FROM ${this.table} WHERE payload->>'accountId' = $1`, [userId]);
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = now;
    await this.source.query(`DELETE FROM ${this.table} WHERE expires_at <= now()`);
  }
}
