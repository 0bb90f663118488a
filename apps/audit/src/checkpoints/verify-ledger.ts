import type { KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import { verifyCheckpoint, type SignedCheckpoint } from '@lintas/evidence/checkpoint';
import { ledgerLeafHash } from '@lintas/evidence/ledger-entry';
import { MerkleFrontier } from '@lintas/evidence/merkle/merkle-tree';
import type { EventStore } from '@lintas/event-store/event-store';
import { formatPosition, START, type GlobalPosition } from '@lintas/event-store/position';
import { ledgerLeafOf } from '../domain/ledger/ledger-leaf';
import { LedgerTreeStore } from './ledger-tree-store';
import type { LedgerEntryRecorded } from '../domain/ledger/ledger.events';

export type LedgerBreakKind =
  | 'leaf-mismatch'
  | 'leaf-missing'
  | 'checkpoint-root-mismatch'
  | 'checkpoint-signature-invalid'
  | 'checkpoint-beyond-ledger';

export interface LedgerBreak {
  kind: LedgerBreakKind;
  leafIndex?: number;
  eventId?: string;
  position?: string;
  treeSize?: number;
  detail: string;
}

export interface LedgerVerification {
  ok: boolean;
  entriesChecked: number;
  checkpointsChecked: number;
  breaks: LedgerBreak[];
}

const PAGE = 5_000;
const MAX_BREAKS = 1_000;

/**
 * The ledger's tree rebuilt from its entries as stored, compared leaf by leaf with the stored tree,
 * and every signed checkpoint's root compared with the root of the rebuilt tree at that size, its
 * signature checked with the ledger's public key. An entry altered by SQL changes its leaf; a
 * tamperer who also rewrites the stored tree changes the roots, which no signature vouches for.
 */
export async function verifyLedger(pool: Pool, store: EventStore, trustedKey: KeyObject): Promise<LedgerVerification> {
  const schema = store.schema;
  const tree = new LedgerTreeStore(pool, schema);
  const breaks: LedgerBreak[] = [];
  const report = (ledgerBreak: LedgerBreak) => void (breaks.length < MAX_BREAKS && breaks.push(ledgerBreak));
  const { rows: signed } = await pool.query<{ signed: SignedCheckpoint }>(
    `SELECT signed FROM ${schema}.ledger_checkpoints ORDER BY tree_size`,
  );
  const checkpoints = signed.map((row) => row.signed);
  for (const checkpoint of checkpoints) {
    if (!verifyCheckpoint(checkpoint, trustedKey)) {
      report({
        kind: 'checkpoint-signature-invalid',
        treeSize: checkpoint.checkpoint.treeSize,
        detail: `the checkpoint at tree size ${checkpoint.checkpoint.treeSize} is not signed by the ledger's key`,
      });
    }
  }
  const frontier = MerkleFrontier.empty();
  let next = 0;
  let after: GlobalPosition = START;
  pages: for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    if (page.length === 0) break;
    after = page[page.length - 1]?.position ?? after;
    const entries = page.filter((event) => event.type === 'LedgerEntryRecorded') as ((typeof page)[number] &
      LedgerEntryRecorded)[];
    const stored = await storedLeaves(pool, schema, frontier.size, entries.length);
    for (const event of entries) {
      const index = frontier.size;
      const leaf = ledgerLeafHash(ledgerLeafOf(event));
      const kept = stored.get(index);
      const where = { leafIndex: index, eventId: event.data.eventId, position: formatPosition(event.position) };
      if (!kept) {
        // Not in the tree yet: the projection has not reached it. Nothing later can be, either.
        if (index >= (await tree.frontier()).size) break pages;
        report({ kind: 'leaf-missing', ...where, detail: `leaf ${index} is missing from the stored tree` });
      } else if (kept.ledgerEventId !== event.id || !kept.hash.equals(leaf)) {
        report({
          kind: 'leaf-mismatch',
          ...where,
          detail: `ledger entry ${event.data.eventId} no longer hashes to leaf ${index}: altered, or moved`,
        });
      }
      frontier.append(leaf);
      for (; next < checkpoints.length && checkpoints[next]?.checkpoint.treeSize === frontier.size; next += 1) {
        const checkpoint = checkpoints[next];
        if (checkpoint.checkpoint.rootHash !== frontier.root().toString('base64')) {
          report({
            kind: 'checkpoint-root-mismatch',
            treeSize: frontier.size,
            detail: `the entries now stored give another root at tree size ${frontier.size} than the signed checkpoint`,
          });
        }
      }
    }
  }
  for (const checkpoint of checkpoints.slice(next)) {
    report({
      kind: 'checkpoint-beyond-ledger',
      treeSize: checkpoint.checkpoint.treeSize,
      detail: `a checkpoint was signed at tree size ${checkpoint.checkpoint.treeSize}, but the ledger holds ${frontier.size} entries: entries were removed`,
    });
  }
  return { ok: breaks.length === 0, entriesChecked: frontier.size, checkpointsChecked: checkpoints.length, breaks };
}

async function storedLeaves(
  pool: Pool,
  schema: string,
  from: number,
  count: number,
): Promise<Map<number, { ledgerEventId: string; hash: Buffer }>> {
  const { rows } = await pool.query<{ index: string; ledger_event_id: string; hash: Buffer }>(
    `SELECT l.index::text, l.ledger_event_id::text, n.hash FROM ${schema}.ledger_leaves l
       JOIN ${schema}.ledger_nodes n ON n.level = 0 AND n.index = l.index
      WHERE l.index >= $1 AND l.index < $2`,
    [from, from + count],
  );
  return new Map(rows.map((r) => [Number(r.index), { ledgerEventId: r.ledger_event_id, hash: r.hash }]));
}
