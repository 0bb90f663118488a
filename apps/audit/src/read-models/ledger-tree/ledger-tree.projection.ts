import type { PoolClient } from 'pg';
import { ledgerLeafHash } from '@lintas/evidence/ledger-entry';
import { MerkleFrontier } from '@lintas/evidence/merkle/merkle-tree';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import type { LedgerEvent } from '../../domain/ledger/ledger.events';
import { ledgerLeafOf } from '../../domain/ledger/ledger-leaf';

/**
 * The ledger as an RFC 9162 Merkle tree: each entry a leaf, in the ledger's global order (final
 * once the projection sees it), and every perfect subtree's hash stored once, so that any
 * inclusion or consistency proof is a handful of lookups. The right edge (the frontier) is kept
 * with the tree, so a new leaf costs O(log n) hashes, not a pass over the tree.
 */
export class LedgerTreeProjection implements Projection<LedgerEvent> {
  readonly name = 'ledger-tree';

  constructor(private readonly schema: string) {}

  tables(): string[] {
    const s = this.schema;
    return [
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_leaves (
         index bigint PRIMARY KEY,
         ledger_event_id uuid NOT NULL UNIQUE
       )`,
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_nodes (
         level smallint NOT NULL,
         index bigint NOT NULL,
         hash bytea NOT NULL,
         PRIMARY KEY (level, index)
       )`,
      // A leaf found by its hash: an inclusion proof for an entry someone holds (RFC 9162 get-proof-by-hash).
      `CREATE INDEX IF NOT EXISTS ledger_leaf_hashes ON ${s}.ledger_nodes (hash) WHERE level = 0`,
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_frontier (
         id boolean PRIMARY KEY DEFAULT true CHECK (id),
         size bigint NOT NULL,
         hashes text[] NOT NULL
       )`,
    ];
  }

  async apply(events: (RecordedEvent & LedgerEvent)[], client: PoolClient): Promise<void> {
    const entries = events.filter((e) => e.type === 'LedgerEntryRecorded');
    if (entries.length === 0) return;
    const frontier = await this.frontier(client);
    const first = frontier.size;
    const nodes = entries.flatMap((event) => frontier.append(ledgerLeafHash(ledgerLeafOf(event))));
    await client.query(
      `INSERT INTO ${this.schema}.ledger_leaves (index, ledger_event_id)
       SELECT * FROM unnest($1::bigint[], $2::uuid[])`,
      [entries.map((_, i) => first + i), entries.map((e) => e.id)],
    );
    await client.query(
      `INSERT INTO ${this.schema}.ledger_nodes (level, index, hash)
       SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
      [nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => n.hash)],
    );
    const { size, hashes } = frontier.toJSON();
    await client.query(
      `INSERT INTO ${this.schema}.ledger_frontier (size, hashes) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET size = excluded.size, hashes = excluded.hashes`,
      [size, hashes],
    );
  }

  async reset(client: PoolClient): Promise<void> {
    const s = this.schema;
    await client.query(`TRUNCATE ${s}.ledger_leaves, ${s}.ledger_nodes, ${s}.ledger_frontier`);
  }

  private async frontier(client: PoolClient): Promise<MerkleFrontier> {
    const { rows } = await client.query<{ size: string; hashes: string[] }>(
      `SELECT size::text, hashes FROM ${this.schema}.ledger_frontier`,
    );
    const row = rows[0];
    return row ? MerkleFrontier.fromJSON({ size: Number(row.size), hashes: row.hashes }) : MerkleFrontier.empty();
  }
}
