import { generateKeyPairSync } from 'node:crypto';
import { rootOf } from '@lintas/evidence/merkle/merkle-tree';
import { exportPersonBundle, sampleLedger } from '../../../libs/evidence/test/sample-ledger';
import type { ResultRow } from '../../harness/result-row';
import { readSettings } from '../../harness/settings';
import type { BenchContext, BenchSuite } from '../../harness/suite';
import { interleave } from '../event-store/interleave';
import { toRow } from '../event-store/systems';
import { frontierPlan, inclusionOnlyPlan, rootOfPlan, verifyBundlePlan } from './evidence-plans';

const BUNDLE_ENTRIES = 1_000;

/**
 * The evidence ledger's own work, in memory, on one core: growing the Merkle tree to BENCH_EVENTS
 * leaves (1M) and taking its root, and checking a person's bundle offline. Neither PostgreSQL nor
 * Kafka takes part (run.ts provisions them for the other suites); Emmett has nothing alike.
 */
export const evidenceSuite: BenchSuite = {
  name: 'evidence',
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { events, runs } = readSettings(process.env);
    const { log } = context;
    const bundleEntries = Math.min(BUNDLE_ENTRIES, events);
    const started = performance.now();
    // One person's entries spread evenly through the tree; the other leaves are bare hashes.
    const ledger = sampleLedger(events, Math.floor(events / bundleEntries), 'hashes');
    const { privateKey } = generateKeyPairSync('ed25519');
    const indices = ledger.personIndices.slice(0, bundleEntries);
    const bundle = exportPersonBundle(ledger, privateKey, indices);
    // As the verifier meets it: parsed from the file, nothing shared with the ledger's objects.
    const file = JSON.parse(JSON.stringify(bundle)) as typeof bundle;
    const leaves = ledger.tree.leaves;
    const root = rootOf(leaves);
    log(
      `evidence: a tree of ${events} leaves and a bundle of ${indices.length} entries in ${Math.round(performance.now() - started)} ms`,
    );

    const checkpoint = await interleave(
      { lintas: frontierPlan(leaves, root, runs, log), raw: rootOfPlan(leaves, root, runs, log), emmett: null },
      log,
    );
    const verify = await interleave(
      {
        lintas: verifyBundlePlan(file, indices.length, runs, log),
        raw: inclusionOnlyPlan(file, runs, log),
        emmett: null,
      },
      log,
    );
    return [
      toRow(`merkle checkpoint ${countLabel(events)}`, 'events/s', checkpoint),
      toRow(`verify bundle ${indices.length} events`, 'events/s', verify),
    ];
  },
};

/** 1,000,000 as '1M', 100,000 as '100k', as the history rows name their store. */
function countLabel(events: number): string {
  if (events % 1_000_000 === 0) return `${events / 1_000_000}M`;
  if (events % 1_000 === 0) return `${events / 1_000}k`;
  return String(events);
}
