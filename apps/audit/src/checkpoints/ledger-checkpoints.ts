import type { JsonWebKey } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import { createBundle, type BundleEntry, type EvidenceBundle } from '@lintas/evidence/bundle';
import { keyIdOf, publicKeyToJwk, signCheckpoint, type SignedCheckpoint } from '@lintas/evidence/checkpoint';
import { verifyConsistency } from '@lintas/evidence/merkle/merkle-tree';
import { LedgerTreeStore } from './ledger-tree-store';

export interface LedgerSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** What this ledger calls itself in its checkpoints: a copy kept elsewhere names which log it vouches for. */
export const LEDGER_ORIGIN = 'lintas.audit-ledger';

/**
 * Signed tree heads of the ledger. Each one (tree size, root, time) is signed with the ledger's
 * Ed25519 key, which never enters the database, stored, appended to a file when one is configured
 * and logged: copies kept by others are what make a rewrite of the ledger by someone with database
 * access show (its new root would need a signature only the key can make, and would not be
 * consistent with the copies).
 */
export class LedgerCheckpoints {
  private readonly tree: LedgerTreeStore;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly key: LedgerSigningKey,
    private readonly publish: (signed: SignedCheckpoint) => Promise<void>,
  ) {
    this.tree = new LedgerTreeStore(pool, schema);
  }

  async createTable(): Promise<void> {
    await this.pool.query(
      `CREATE TABLE IF NOT EXISTS ${this.schema}.ledger_checkpoints (
         tree_size bigint PRIMARY KEY,
         signed jsonb NOT NULL,
         signed_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  get keyId(): string {
    return keyIdOf(this.key.publicKey);
  }

  get publicKey(): KeyObject {
    return this.key.publicKey;
  }

  get publicJwk(): JsonWebKey {
    return publicKeyToJwk(this.key.publicKey);
  }

  /**
   * Signs the tree as it stands if it grew since the last checkpoint; answers the new checkpoint.
   * Only a tree that extends the last signed one is signed, as a transparency log does: a tree
   * rewritten underneath (by someone with database access) is refused, and stays unsigned.
   */
  async signIfGrown(now = new Date()): Promise<SignedCheckpoint | undefined> {
    const frontier = await this.tree.frontier();
    const latest = await this.latest();
    if (frontier.size === 0 || (latest && latest.checkpoint.treeSize >= frontier.size)) return undefined;
    if (latest) await this.assertExtends(latest, frontier.size, frontier.root());
    const signed = signCheckpoint(
      {
        origin: LEDGER_ORIGIN,
        treeSize: frontier.size,
        rootHash: frontier.root().toString('base64'),
        time: now.toISOString(),
      },
      this.key.privateKey,
    );
    await this.pool.query(
      `INSERT INTO ${this.schema}.ledger_checkpoints (tree_size, signed) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [signed.checkpoint.treeSize, JSON.stringify(signed)],
    );
    await this.publish(signed);
    return signed;
  }

  /** A bundle of the persons' entries against a checkpoint, its statement signed with the ledger's key. */
  bundle(personIds: string[], checkpoint: SignedCheckpoint, entries: BundleEntry[], now = new Date()): EvidenceBundle {
    return createBundle({ personIds, checkpoint, entries, exportedAt: now.toISOString() }, this.key.privateKey);
  }

  private async assertExtends(latest: SignedCheckpoint, size: number, root: Buffer): Promise<void> {
    const first = latest.checkpoint.treeSize;
    const proof = await this.tree.consistencyProof(first, size).catch(() => undefined);
    const firstRoot = Buffer.from(latest.checkpoint.rootHash, 'base64');
    if (!proof || !verifyConsistency(first, size, proof, firstRoot, root)) throw new LedgerRewrittenError(first, size);
  }

  async latest(): Promise<SignedCheckpoint | undefined> {
    const { rows } = await this.pool.query<{ signed: SignedCheckpoint }>(
      `SELECT signed FROM ${this.schema}.ledger_checkpoints ORDER BY tree_size DESC LIMIT 1`,
    );
    return rows[0]?.signed;
  }

  async at(treeSize: number): Promise<SignedCheckpoint | undefined> {
    const { rows } = await this.pool.query<{ signed: SignedCheckpoint }>(
      `SELECT signed FROM ${this.schema}.ledger_checkpoints WHERE tree_size = $1`,
      [treeSize],
    );
    return rows[0]?.signed;
  }

  async list(after: number, limit: number): Promise<SignedCheckpoint[]> {
    const { rows } = await this.pool.query<{ signed: SignedCheckpoint }>(
      `SELECT signed FROM ${this.schema}.ledger_checkpoints WHERE tree_size > $1 ORDER BY tree_size LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => r.signed);
  }
}

/** The stored tree does not extend the last signed checkpoint: entries before it were changed or removed. */
export class LedgerRewrittenError extends Error {
  constructor(
    readonly signedSize: number,
    readonly size: number,
  ) {
    super(
      `the ledger's tree of ${size} entries does not extend the checkpoint signed at ${signedSize}: ` +
        'entries before it were changed or removed; no checkpoint is signed over it (an admin sees where: POST /verifications)',
    );
    this.name = 'LedgerRewrittenError';
  }
}

/** One JSON line per checkpoint, appended: a file others can copy, rotate and keep. */
export function appendToFile(path: string): (signed: SignedCheckpoint) => Promise<void> {
  return (signed) => appendFile(path, `${JSON.stringify(signed)}\n`, { mode: 0o644 });
}
