import type { KeyObject } from 'node:crypto';
import { type BundleEntry, createBundle, type EvidenceBundle } from '../src/bundle';
import { signCheckpoint } from '../src/checkpoint';
import { type LedgerEntry, ledgerLeafHash } from '../src/ledger-entry';
import { leafHash } from '../src/merkle/merkle-hash';
import { inclusionProof } from '../src/merkle/merkle-proof';
import { InMemoryTree } from './in-memory-tree';

export const PERSON = 'person-0001';
/** A record linked to PERSON (found to be the same person later): its entries belong in the bundle. */
export const LINKED = 'person-0002';
export const ORIGIN = 'lintas.example/ledger';
const START = Date.UTC(2026, 0, 5, 8, 0, 0);

/** A ledger entry shaped as the ledger writes them; `n` makes it unique. */
export function sampleEntry(n: number, personId: string | null): LedgerEntry {
  const id = (k: number) => `00000000-0000-4000-8000-${k.toString().padStart(12, '0')}`;
  return {
    eventId: id(n),
    source: 'intake',
    type: 'lintas.intake.case-opened.v1',
    time: new Date(START + n * 60_000).toISOString(),
    personId,
    correlationId: id(n - (n % 5)),
    causationId: n % 5 === 0 ? null : id(n - 1),
    actorAgencyId: 'dinsos-3507',
    actorClientId: n % 2 === 0 ? 'dinsos-3507-1' : null,
    recordedAt: new Date(START + n * 60_000 + 250).toISOString(),
    data: { caseId: `case-${Math.floor(n / 7)}`, office: 'dinsos-malang', note: `entry ${n} — catatan`, step: n % 5 },
  };
}

export interface SampleLedger {
  tree: InMemoryTree;
  /** Every entry that went in whole, by leaf index (others' too, when `others` is 'entries'). */
  entries: Map<number, LedgerEntry>;
  /** PERSON's and LINKED's leaf indices, in order. */
  personIndices: number[];
}

/**
 * A ledger of `size` leaves in which every `every`-th leaf (from leaf 3) is an entry of PERSON or of
 * LINKED, by turns. The other leaves are other people's entries, or, where only their hashes matter
 * (the benchmark's million), bare leaf hashes.
 */
export function sampleLedger(size: number, every: number, others: 'entries' | 'hashes'): SampleLedger {
  const tree = new InMemoryTree();
  const entries = new Map<number, LedgerEntry>();
  const personIndices: number[] = [];
  for (let n = 0; n < size; n += 1) {
    const ours = n % every === 3 % every;
    if (ours) personIndices.push(n);
    if (ours || others === 'entries') {
      const entry = sampleEntry(
        n,
        ours ? (personIndices.length % 2 === 1 ? PERSON : LINKED) : `person-other-${n % 97}`,
      );
      entries.set(n, entry);
      tree.append(ledgerLeafHash(entry));
    } else {
      tree.append(leafHash(Buffer.from(`someone else's entry ${n}`)));
    }
  }
  return { tree, entries, personIndices };
}

/** The entry at `index` with its inclusion proof in the tree's current size. */
export function bundleEntryAt(ledger: SampleLedger, index: number): BundleEntry {
  const entry = ledger.entries.get(index);
  if (!entry) throw new Error(`no whole entry at leaf ${index}`);
  const proof = inclusionProof(index, ledger.tree.frontier.size, ledger.tree.hashes);
  return { index, entry, proof: proof.map((hash) => hash.toString('base64')) };
}

/** What the ledger would export for PERSON now: a fresh checkpoint, the entries and their proofs. */
export function exportPersonBundle(
  ledger: SampleLedger,
  privateKey: KeyObject,
  indices: readonly number[] = ledger.personIndices,
): EvidenceBundle {
  const checkpoint = signCheckpoint(
    {
      origin: ORIGIN,
      treeSize: ledger.tree.frontier.size,
      rootHash: ledger.tree.frontier.root().toString('base64'),
      time: '2026-12-06T10:00:00Z',
    },
    privateKey,
  );
  return createBundle(
    {
      personIds: [PERSON, LINKED],
      checkpoint,
      entries: indices.map((index) => bundleEntryAt(ledger, index)),
      exportedAt: '2026-12-06T10:00:01Z',
    },
    privateKey,
  );
}
