import { requestMetrics } from './http-metrics';
import { METRIC_NAMES } from './metric-names';
import { ServiceMetrics, sharedReading } from './service-metrics';

/** A value as prom-client collects it; a histogram's also names its series (`_bucket`, `_sum`, `_count`). */
type Collected = { metricName?: string; labels: Record<string, string | number | undefined>; value: number };

async function valuesOf(metrics: ServiceMetrics, name: string): Promise<Collected[]> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  return (await metric.get()).values;
}

describe('a service’s metrics', () => {
  it('keeps each service’s series apart, and adds the process’s own to each', async () => {
    const intake = new ServiceMetrics();
    const health = new ServiceMetrics();
    requestMetrics(intake)({ method: 'POST', route: '/pickups', status: 201, seconds: 0.02 });

    expect(await intake.text()).toContain(
      `${METRIC_NAMES.httpRequestDuration}_count{method="POST",route="/pickups",status_code="201"} 1`,
    );
    expect(health.registry.getSingleMetric(METRIC_NAMES.httpRequestDuration)).toBeUndefined();
    for (const metrics of [intake, health]) {
      expect(await metrics.text()).toMatch(/^process_cpu_seconds_total \d/m);
      expect(await metrics.text()).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    }
  });

  it('labels requests by route template, and every unknown path as one route', async () => {
    const metrics = new ServiceMetrics();
    const observe = requestMetrics(metrics);
    observe({ method: 'GET', route: '/pickups/:pickupId', status: 200, seconds: 0.004 });
    observe({ method: 'GET', route: undefined, status: 404, seconds: 0.001 });
    observe({ method: 'GET', route: undefined, status: 404, seconds: 0.001 });

    const counts = (await valuesOf(metrics, METRIC_NAMES.httpRequestDuration)).filter(
      (value) => value.metricName === `${METRIC_NAMES.httpRequestDuration}_count`,
    );
    expect(counts).toEqual([
      {
        metricName: expect.any(String),
        labels: { method: 'GET', route: '/pickups/:pickupId', status_code: '200' },
        value: 1,
      },
      { metricName: expect.any(String), labels: { method: 'GET', route: '(none)', status_code: '404' }, value: 2 },
    ]);
  });
});

describe('a reading shared by the gauges of one scrape', () => {
  it('asks once for all who ask while it is under way, and again for the next scrape', async () => {
    let reads = 0;
    const read = sharedReading(async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return reads;
    });
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    expect(await read()).toBe(2);
  });

  it('answers nothing when the reading fails, and tries again the next time', async () => {
    let fail = true;
    const read = sharedReading(async () => {
      if (fail) throw new Error('database gone');
      return 'back';
    });
    expect(await read()).toBeUndefined();
    fail = false;
    expect(await read()).toBe('back');
  });
});
