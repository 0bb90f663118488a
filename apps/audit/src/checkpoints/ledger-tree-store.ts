import type { Pool, PoolClient } from 'pg';
import {
  consistencyProof,
  consistencyProofNodes,
  inclusionProof,
  inclusionProofNodes,
  MerkleFrontier,
  type SubtreeHashes,
} from '@lintas/evidence/merkle/merkle-tree';

type Queryable = Pool | PoolClient;

/** The ledger's tree as LedgerTreeProjection stores it: its size, root, and proofs from its stored subtrees. */
export class LedgerTreeStore {
  constructor(
    private readonly db: Queryable,
    private readonly schema: string,
  ) {}

  async frontier(): Promise<MerkleFrontier> {
    const { rows } = await this.db.query<{ size: string; hashes: string[] }>(
      `SELECT size::text, hashes FROM ${this.schema}.ledger_frontier`,
    );
    const row = rows[0];
    return row ? MerkleFrontier.fromJSON({ size: Number(row.size), hashes: row.hashes }) : MerkleFrontier.empty();
  }

  /** Several leaves' proofs against one tree, with one query for all their subtrees. */
  async inclusionProofs(indices: readonly number[], treeSize: number): Promise<Buffer[][]> {
    const hashes = await this.subtrees(indices.flatMap((index) => inclusionProofNodes(index, treeSize)));
    return indices.map((index) => inclusionProof(index, treeSize, hashes));
  }

  /** The first leaf with that hash within the tree's first `treeSize` leaves; undefined when none is. */
  async leafIndexOf(hash: Buffer, treeSize: number): Promise<number | undefined> {
    const { rows } = await this.db.query<{ index: string }>(
      `SELECT index::text FROM ${this.schema}.ledger_nodes WHERE level = 0 AND hash = $1 AND index < $2
        ORDER BY index LIMIT 1`,
      [hash, treeSize],
    );
    return rows[0] ? Number(rows[0].index) : undefined;
  }

  async consistencyProof(first: number, second: number): Promise<Buffer[]> {
    return consistencyProof(first, second, await this.subtrees(consistencyProofNodes(first, second)));
  }

  private async subtrees(refs: readonly { level: number; index: number }[]): Promise<SubtreeHashes> {
    const { rows } = await this.db.query<{ level: number; index: string; hash: Buffer }>(
      `SELECT level, index::text, hash FROM ${this.schema}.ledger_nodes
        WHERE (level, index) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))`,
      [refs.map((r) => r.level), refs.map((r) => r.index)],
    );
    const byRef = new Map(rows.map((r) => [`${r.level}/${r.index}`, r.hash]));
    return (level, index) => {
      const hash = byRef.get(`${level}/${index}`);
      // The projection stores every perfect subtree it completes: a gap means the tree was tampered with.
      if (!hash) throw new Error(`the ledger's tree has no node at level ${level}, index ${index}`);
      return hash;
    };
  }
}
