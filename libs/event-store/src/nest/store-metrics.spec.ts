import { METRIC_NAMES } from '@lintas/platform/metrics/metric-names';
import { ServiceMetrics } from '@lintas/platform/metrics/service-metrics';
import { appendMetrics } from './store-metrics';

/** A value as prom-client collects it; a histogram's also names its series (`_bucket`, `_sum`, `_count`). */
type Collected = { metricName?: string; labels: Record<string, string | number | undefined>; value: number };

async function valuesOf(metrics: ServiceMetrics, name: string): Promise<Collected[]> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  return (await metric.get()).values;
}

describe('append metrics', () => {
  it('counts appends by store and outcome from 0, and times every one of them', async () => {
    const metrics = new ServiceMetrics();
    const observer = appendMetrics(metrics, 'intake');
    observer.appended('written', 0.002);
    observer.appended('written', 0.003);
    observer.appended('conflict', 0.001);

    expect((await valuesOf(metrics, METRIC_NAMES.appends)).map(({ labels, value }) => [labels, value])).toEqual([
      [{ store: 'intake', outcome: 'written' }, 2],
      [{ store: 'intake', outcome: 'conflict' }, 1],
      [{ store: 'intake', outcome: 'failed' }, 0],
    ]);
    const count = (await valuesOf(metrics, METRIC_NAMES.appendDuration)).find(
      (value) => value.metricName === `${METRIC_NAMES.appendDuration}_count`,
    );
    expect(count).toMatchObject({ labels: { store: 'intake' }, value: 3 });
  });

  it('records how many appends each group commit carried', async () => {
    const metrics = new ServiceMetrics();
    const observer = appendMetrics(metrics, 'intake');
    observer.groupCommitted(1);
    observer.groupCommitted(40);

    const values = await valuesOf(metrics, METRIC_NAMES.groupCommitBatchSize);
    const bucket = (le: number) =>
      values.find((value) => value.metricName?.endsWith('_bucket') && value.labels.le === le)?.value;
    expect(bucket(1)).toBe(1);
    expect(bucket(32)).toBe(1);
    expect(bucket(64)).toBe(2);
    expect(values.find((value) => value.metricName?.endsWith('_sum'))?.value).toBe(41);
  });
});
