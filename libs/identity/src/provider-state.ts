import { createHash } from 'node:crypto';
import type { AdapterPayload } from 'oidc-provider';

/**
 * What the provider keeps between requests for people's sign-in: sessions, interactions (a login
 * page in progress), grants, authorization codes, refresh tokens, replay marks of client
 * assertions. Client-credentials tokens are JWTs and kept nowhere.
 *
 * The identity app runs in several instances, so this state is shared (the register's table,
 * `RegisterProviderState`); a process of its own (the tests' provider) keeps it in memory. Either
 * way, what is stored is keyed by a SHA-256 of each id, and the id itself is left out of the
 * payload: a session's id is its cookie and a refresh token's id is the token, so a copy of the
 * table hands nobody a session or a token.
 */
export interface ProviderStateStore {
  upsert(model: string, key: string, entry: StoredEntry): Promise<void>;
  find(model: string, key: string): Promise<AdapterPayload | undefined>;
  findByUid(model: string, uid: string): Promise<AdapterPayload | undefined>;
  consume(model: string, key: string, at: number): Promise<void>;
  destroy(model: string, key: string): Promise<void>;
  revokeByGrantId(model: string, grantId: string): Promise<void>;
}

export interface StoredEntry {
  payload: AdapterPayload;
  expiresAt: Date;
  grantId?: string;
  uid?: string;
}

/** The key an id is stored under. */
export function stateKey(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('base64url');
}

/** The payload without its id (`jti`), which may be a credential. */
export function withoutId(payload: AdapterPayload): AdapterPayload {
  const { jti: _jti, ...rest } = payload as AdapterPayload & { jti?: unknown };
  return rest;
}

/** The state of one process: the tests' provider, a provider without a register. */
export class MemoryProviderState implements ProviderStateStore {
  private readonly entries = new Map<string, StoredEntry>();
  private sweptAt = 0;

  async upsert(model: string, key: string, entry: StoredEntry): Promise<void> {
    this.sweep();
    this.entries.set(`${model}:${key}`, entry);
  }

  async find(model: string, key: string): Promise<AdapterPayload | undefined> {
    return this.live(`${model}:${key}`)?.payload;
  }

  async findByUid(model: string, uid: string): Promise<AdapterPayload | undefined> {
    for (const [key, entry] of this.entries) {
      if (key.startsWith(`${model}:`) && entry.uid === uid) return this.live(key)?.payload;
    }
    return undefined;
  }

  async consume(model: string, key: string, at: number): Promise<void> {
    const entry = this.live(`${model}:${key}`);
    if (entry) entry.payload = { ...entry.payload, consumed: at };
  }

  async destroy(model: string, key: string): Promise<void> {
    this.entries.delete(`${model}:${key}`);
  }

  async revokeByGrantId(model: string, grantId: string): Promise<void> {
    for (const [key, entry] of this.entries) {
      if (key.startsWith(`${model}:`) && entry.grantId === grantId) this.entries.delete(key);
    }
  }

  private live(key: string): StoredEntry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt.getTime() <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  // A long test run signs in many times: what expired goes, at most once a minute.
  private sweep(): void {
    const now = Date.now();
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, entry] of this.entries) if (entry.expiresAt.getTime() <= now) this.entries.delete(key);
  }
}
