import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { METRIC_NAMES } from '@lintas/platform/metrics/metric-names';
import { ServiceMetrics } from '@lintas/platform/metrics/service-metrics';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { DigestProjection } from '../../test/digest-projection';
import { SAMPLE_DEFINITIONS, sampleEvent } from '../../test/sample-events';
import { EventRegistry } from '../events/event-registry';
import { EventStore } from '../event-store';
import { formatPosition } from '../position';
import { ReadModels } from './read-models';
import { appendMetrics, watchStore } from './store-metrics';

const SCHEMA = 'watched';
const infra = useRealInfrastructure();
let pool: Pool;
let store: EventStore;
let readModels: ReadModels;
let metrics: ServiceMetrics;

beforeAll(async () => {
  pool = infra.createPool();
  metrics = new ServiceMetrics();
  store = await EventStore.open(pool, {
    registry: new EventRegistry(SAMPLE_DEFINITIONS),
    schema: SCHEMA,
    integration: (event) => ({
      topic: 'lintas.probe.events',
      key: 'k',
      headers: { ce_id: event.id },
      value: Buffer.from('{}'),
    }),
    observer: appendMetrics(metrics, SCHEMA),
  });
  readModels = new ReadModels(store, [new DigestProjection('digest', SCHEMA)], () => undefined);
  await readModels.prepare();
  watchStore(metrics, store, readModels);
});
afterAll(() => store.close());

/** A gauge's values as a scrape collects them. */
async function gauge(name: string): Promise<{ labels: Record<string, string | number | undefined>; value: number }[]> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  return (await metric.get()).values.map(({ labels, value }) => ({ labels, value }));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the store as metrics', () => {
  it('shows a projection behind by the events it has not applied and their age, then caught up', async () => {
    await store.append(`case-${randomUUID()}`, [sampleEvent(), sampleEvent('NoteRecorded')]);
    await pause(200);
    expect(await gauge(METRIC_NAMES.projectionLagEvents)).toEqual([{ labels: { projection: 'digest' }, value: 2 }]);
    const [behind] = await gauge(METRIC_NAMES.projectionLagSeconds);
    expect(behind?.value).toBeGreaterThanOrEqual(0.2);

    readModels.start();
    try {
      const head = await store.headPosition();
      await readModels.waitFor(head && formatPosition(head));
    } finally {
      await readModels.stop();
    }
    expect(await gauge(METRIC_NAMES.projectionLagEvents)).toEqual([{ labels: { projection: 'digest' }, value: 0 }]);
    expect(await gauge(METRIC_NAMES.projectionLagSeconds)).toEqual([{ labels: { projection: 'digest' }, value: 0 }]);
  });

  it('shows the outbox’s depth and the age of its oldest message, and 0 once it is empty', async () => {
    await pool.query(`DELETE FROM ${SCHEMA}.outbox`);
    await store.append(`case-${randomUUID()}`, [sampleEvent()]);
    await pause(300);
    await store.append(`case-${randomUUID()}`, [sampleEvent()]);

    const backlog = await store.outboxBacklog();
    expect(backlog.messages).toBe(2);
    expect(backlog.oldestSeconds).toBeGreaterThanOrEqual(0.3);
    expect(backlog.oldestSeconds).toBeLessThan(30);

    await pool.query(`DELETE FROM ${SCHEMA}.outbox`);
    expect(await store.outboxBacklog()).toEqual({ messages: 0, oldestSeconds: 0 });

    // A message written without an event (an access record) is dated by its CloudEvents time.
    await store.transaction((client) =>
      store.writeOutbox(client, [
        {
          topic: 'access-records',
          key: 'k',
          headers: { ce_time: new Date(Date.now() - 5_000).toISOString() },
          value: Buffer.from('{}'),
        },
      ]),
    );
    const unappended = await store.outboxBacklog();
    expect(unappended.messages).toBe(1);
    expect(unappended.oldestSeconds).toBeGreaterThanOrEqual(5);
    expect(unappended.oldestSeconds).toBeLessThan(30);
    await pool.query(`DELETE FROM ${SCHEMA}.outbox`);
  });

  it('shows how long the oldest open writer transaction has held readers back, and 0 when none is open', async () => {
    expect(await gauge(METRIC_NAMES.visibilityDelay)).toEqual([{ labels: { store: SCHEMA }, value: 0 }]);
    const writer = await pool.connect();
    try {
      await writer.query('BEGIN');
      await store.appendWithin(writer, `case-${randomUUID()}`, [sampleEvent()]);
      await pause(300);
      const [held] = await gauge(METRIC_NAMES.visibilityDelay);
      expect(held?.value).toBeGreaterThanOrEqual(0.3);
    } finally {
      await writer.query('ROLLBACK');
      writer.release();
    }
    expect(await gauge(METRIC_NAMES.visibilityDelay)).toEqual([{ labels: { store: SCHEMA }, value: 0 }]);
  });

  it('counts the appends it observed, the refused ones apart', async () => {
    const stream = `case-${randomUUID()}`;
    await store.append(stream, [sampleEvent()]);
    await expect(store.append(stream, [sampleEvent()], { expectedVersion: 5 })).rejects.toThrow('expected 5');

    const appends = await gauge(METRIC_NAMES.appends);
    expect(appends.find((value) => value.labels.outcome === 'written')?.value).toBeGreaterThanOrEqual(1);
    expect(appends.find((value) => value.labels.outcome === 'conflict')?.value).toBe(1);
    expect(await metrics.text()).toMatch(
      new RegExp(`^${METRIC_NAMES.groupCommitBatchSize}_count\\{store="${SCHEMA}"\\} [1-9]`, 'm'),
    );
  });

  it('exposes nothing for a reading that fails, and the scrape still succeeds', async () => {
    const failing = new ServiceMetrics();
    const broken = { lag: () => Promise.reject(new Error('database gone')) } as unknown as ReadModels;
    watchStore(failing, store, broken);
    const text = await failing.text();
    expect(text).toContain(`# TYPE ${METRIC_NAMES.projectionLagEvents} gauge`);
    expect(text).not.toMatch(new RegExp(`^${METRIC_NAMES.projectionLagEvents}\\{`, 'm'));
    expect(text).toMatch(new RegExp(`^${METRIC_NAMES.visibilityDelay}\\{store="${SCHEMA}"\\} 0$`, 'm'));
  });
});
