import { readSettings } from '../../harness/settings';
import type { ResultRow } from '../../harness/result-row';
import type { BenchContext, BenchSuite } from '../../harness/suite';
import { commitToReceivedRows } from './commit-to-received';
import { deliveryThroughputRow } from './delivery-throughput';

export const webhooksSuite: BenchSuite = {
  name: 'webhooks',
  async run(context: BenchContext): Promise<ResultRow[]> {
    const { runs } = readSettings(process.env);
    const only = process.env.BENCH_WEBHOOK_ROWS;
    return [
      ...(only === 'latency' ? [] : [await deliveryThroughputRow(context, runs)]),
      ...(only === 'throughput' ? [] : await commitToReceivedRows(context, runs)),
    ];
  },
};
