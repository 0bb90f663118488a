import { METRIC_NAMES } from '@lintas/platform/metrics/metric-names';
import { ServiceMetrics } from '@lintas/platform/metrics/service-metrics';
import type { CloudEvent } from '../cloudevents/cloud-event';
import type { RelayObserver } from '../outbox/outbox-relay';
import { combineObservers } from '../outbox/relay-observers';
import { MessagingMetrics } from './messaging-metrics';

const TYPE = 'id.lintas.intake.pickup.reported.v1';
const event = { type: TYPE, id: 'a0d1c6a4-0b1e-4c41-9a43-6f1d2b9e1c11' } as CloudEvent;
const batch = (...ids: string[]) => ids.map((ce_id) => ({ ce_id, ce_type: TYPE }));

/** A value as prom-client collects it; a histogram's also names its series (`_bucket`, `_sum`, `_count`). */
type Collected = { metricName?: string; labels: Record<string, string | number | undefined>; value: number };

async function valuesOf(metrics: ServiceMetrics, name: string): Promise<Collected[]> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  return (await metric.get()).values;
}

const countOf = async (metrics: ServiceMetrics, name: string) =>
  (await valuesOf(metrics, name)).find((value) => value.metricName === `${name}_count`)?.value;

describe('messaging metrics', () => {
  it('counts each event once by its outcome: handled once committed, skipped, duplicate', async () => {
    const service = new ServiceMetrics();
    const metrics = new MessagingMetrics(service);
    metrics.consumed(event, 'reacted');
    metrics.handled(event);
    metrics.consumed(event, 'skipped');
    metrics.consumed(event, 'duplicate');

    expect(await valuesOf(service, METRIC_NAMES.consumerEvents)).toEqual([
      { labels: { event_type: TYPE, outcome: 'handled' }, value: 1 },
      { labels: { event_type: TYPE, outcome: 'skipped' }, value: 1 },
      { labels: { event_type: TYPE, outcome: 'duplicate' }, value: 1 },
    ]);
    expect(await valuesOf(service, METRIC_NAMES.inboxDuplicatesSkipped)).toEqual([
      { labels: { event_type: TYPE }, value: 1 },
    ]);
  });

  it('shows every dead-letter reason from 0, so that the first one is an increase', async () => {
    const service = new ServiceMetrics();
    const metrics = new MessagingMetrics(service);
    metrics.deadLettered('rejected');

    const values = await valuesOf(service, METRIC_NAMES.deadLetters);
    expect(values.map(({ labels, value }) => [labels.reason, value])).toEqual([
      ['unparseable', 0],
      ['unknown-type', 0],
      ['invalid', 0],
      ['rejected', 1],
      ['failed-after-retries', 0],
    ]);
  });

  it('times a reaction by its event type, also when it throws', async () => {
    const service = new ServiceMetrics();
    const metrics = new MessagingMetrics(service);
    const failing = metrics.timed(TYPE, async () => {
      throw new Error('refused');
    });
    await expect(failing(event, {} as never)).rejects.toThrow('refused');
    await metrics.timed(TYPE, async () => undefined)(event, {} as never);

    expect(await countOf(service, METRIC_NAMES.consumerHandlerDuration)).toBe(2);
  });

  it('times each relayed batch from read to acknowledged, and forgets batches whose send failed', async () => {
    const service = new ServiceMetrics();
    const spans: string[] = [];
    const other: RelayObserver = { read: () => spans.push('read'), sent: () => spans.push('sent') };
    const relay = combineObservers(other, new MessagingMetrics(service).relayTimings());

    relay.read(batch('1', '2'));
    relay.read(batch('3'));
    // The send of 1 and 2 failed, and so did 3's behind it: the next leadership reads them again.
    relay.read(batch('1', '2', '3'));
    relay.read(batch('4'));
    relay.sent(batch('1', '2', '3'));
    relay.sent(batch('4'));

    expect(spans).toEqual(['read', 'read', 'read', 'read', 'sent', 'sent']);
    expect(await countOf(service, METRIC_NAMES.relaySendDuration)).toBe(2);
    // The failed batch of 3 alone was dropped, not kept waiting for an acknowledgement that never comes.
    relay.sent(batch('3'));
    expect(await countOf(service, METRIC_NAMES.relaySendDuration)).toBe(2);
  });

  it('shows the lag of each partition at scrape time, and nothing while it cannot be read', async () => {
    const service = new ServiceMetrics();
    let broker: 'up' | 'down' = 'up';
    new MessagingMetrics(service).watchConsumerLag('lintas.health-liaison', {
      read: async () => {
        if (broker === 'down') throw new Error('no broker');
        return [
          { topic: 'lintas.intake.events', partition: 0, messages: 3 },
          { topic: 'lintas.intake.events', partition: 1, messages: 0 },
        ];
      },
      close: async () => undefined,
    });

    expect(await valuesOf(service, METRIC_NAMES.consumerLag)).toEqual([
      { labels: { group: 'lintas.health-liaison', topic: 'lintas.intake.events', partition: '0' }, value: 3 },
      { labels: { group: 'lintas.health-liaison', topic: 'lintas.intake.events', partition: '1' }, value: 0 },
    ]);
    broker = 'down';
    expect(await valuesOf(service, METRIC_NAMES.consumerLag)).toEqual([]);
  });
});
