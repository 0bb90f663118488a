import { canonicalJson } from '@lintas/evidence/canonical-json';
import { verifyBundle, type EvidenceBundle } from '@lintas/evidence/bundle';
import { leafHash } from '@lintas/evidence/merkle/merkle-hash';
import { MerkleFrontier, rootOf } from '@lintas/evidence/merkle/merkle-tree';
import { verifyInclusion } from '@lintas/evidence/merkle/merkle-verify';
import { perSecond, type Timed } from '../../harness/measure';
import type { RunPlan } from '../event-store/interleave';

type Log = (message: string) => void;

const VERIFY = { warmupMs: 1_000, runMs: 3_000 };

/**
 * Lintas: the leaves appended one by one to a MerkleFrontier, every perfect subtree it completes kept
 * (as a store keeps them, to prove from later), then the root a checkpoint would sign.
 */
export function frontierPlan(leaves: readonly Buffer[], expectedRoot: Buffer, runs: number, log: Log): RunPlan {
  const pass = (): number => {
    const frontier = MerkleFrontier.empty();
    // Nodes of one level complete in index order, so a push puts each at its index.
    const levels: Buffer[][] = [];
    for (const leaf of leaves) {
      for (const node of frontier.append(leaf)) (levels[node.level] ??= []).push(node.hash);
    }
    if (!frontier.root().equals(expectedRoot)) throw new Error('the frontier came to another root than rootOf');
    return leaves.length;
  };
  return cpuPlan('lintas merkle checkpoint', pass, runs, log);
}

/** Raw: rootOf over the same leaves, level by level, nothing kept: the hashing alone. */
export function rootOfPlan(leaves: readonly Buffer[], expectedRoot: Buffer, runs: number, log: Log): RunPlan {
  const pass = (): number => {
    if (!rootOf(leaves).equals(expectedRoot)) throw new Error('rootOf came to another root');
    return leaves.length;
  };
  return cpuPlan('raw merkle root', pass, runs, log);
}

/** Lintas: verifyBundle over the bundle as read from its file, again and again for a few seconds. */
export function verifyBundlePlan(bundle: unknown, entries: number, runs: number, log: Log): RunPlan {
  return repeatedPlan(
    'lintas verify bundle',
    () => {
      const result = verifyBundle(bundle);
      if (!result.ok) throw new Error(`the bundle failed verification: ${JSON.stringify(result.failures[0])}`);
      return result.entriesChecked;
    },
    entries,
    runs,
    log,
  );
}

/**
 * Raw: each entry's leaf hashed again (canonical JSON) and its proof checked with verifyInclusion,
 * nothing else: no signatures, no shape, order or person checks.
 */
export function inclusionOnlyPlan(bundle: EvidenceBundle, runs: number, log: Log): RunPlan {
  return repeatedPlan(
    'raw inclusion proofs',
    () => {
      const { treeSize, rootHash } = bundle.checkpoint.checkpoint;
      const root = Buffer.from(rootHash, 'base64');
      for (const { index, entry, proof } of bundle.entries) {
        const leaf = leafHash(Buffer.from(canonicalJson(entry), 'utf8'));
        const path = proof.map((hash) => Buffer.from(hash, 'base64'));
        if (!verifyInclusion(leaf, index, treeSize, path, root)) throw new Error(`leaf ${index} did not verify`);
      }
      return bundle.entries.length;
    },
    bundle.entries.length,
    runs,
    log,
  );
}

/** One untimed pass to warm up, then one timed pass per run. */
function cpuPlan(label: string, pass: () => number, runs: number, log: Log): RunPlan {
  return {
    prepare: async () => void pass(),
    run: async () => {
      const started = performance.now();
      const rate = perSecond({ units: pass(), elapsedMs: performance.now() - started });
      log(`${label}: ${Math.round(rate)} events/s`);
      return rate;
    },
    runs,
  };
}

/** Passes repeated for a warm-up, then for a fixed time per run; the rate counts every entry checked. */
function repeatedPlan(label: string, pass: () => number, entries: number, runs: number, log: Log): RunPlan {
  const repeatFor = (durationMs: number): Timed => {
    const started = performance.now();
    let units = 0;
    while (performance.now() - started < durationMs) {
      const checked = pass();
      if (checked !== entries) log(`WARNING ${label}: checked ${checked} of ${entries} entries`);
      units += checked;
    }
    return { units, elapsedMs: performance.now() - started };
  };
  return {
    prepare: async () => void repeatFor(VERIFY.warmupMs),
    run: async () => {
      const rate = perSecond(repeatFor(VERIFY.runMs));
      log(`${label}: ${Math.round(rate)} events/s`);
      return rate;
    },
    runs,
  };
}
