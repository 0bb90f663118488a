import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appendMetrics, watchStore } from '@lintas/event-store/nest/store-metrics';
import type { EventStore } from '@lintas/event-store/event-store';
import type { ReadModels } from '@lintas/event-store/nest/read-models';
import type { ConsumerLagReader } from '@lintas/messaging/metrics/consumer-lag';
import { MessagingMetrics } from '@lintas/messaging/metrics/messaging-metrics';
import { requestMetrics } from '@lintas/platform/metrics/http-metrics';
import { METRIC_NAMES } from '@lintas/platform/metrics/metric-names';
import { ServiceMetrics } from '@lintas/platform/metrics/service-metrics';

/**
 * The dashboard and the alert rules query only series the services register, by the names the
 * code gives them: renaming a metric without them fails here, not silently in Grafana.
 */

interface Panel {
  title: string;
  type: string;
  datasource?: { type: string; uid: string };
  targets?: { expr: string }[];
}
interface Dashboard {
  schemaVersion: number;
  templating: { list: { name: string; type: string; query: string | { query: string } }[] };
  panels: Panel[];
}
interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const dashboard = JSON.parse(readFileSync(join(__dirname, 'lintas-dashboard.json'), 'utf8')) as Dashboard;
const rules = (
  parse(readFileSync(join(__dirname, 'prometheus-rules.yaml'), 'utf8')) as { groups: { name: string; rules: Rule[] }[] }
).groups.flatMap((group) => group.rules);

/** Every series a service registers, by type, as the libs wire them (no scrape: nothing is read). */
function registeredSeries(): Map<string, string> {
  const metrics = new ServiceMetrics();
  requestMetrics(metrics);
  appendMetrics(metrics, 'intake');
  watchStore(metrics, {} as EventStore, {} as ReadModels);
  const messaging = new MessagingMetrics(metrics);
  messaging.watchOutbox('intake', {} as EventStore);
  messaging.watchConsumerLag('lintas.intake', {} as ConsumerLagReader);
  return new Map(
    metrics.registry.getMetricsAsArray().map((metric) => [metric.name, (metric as unknown as { type: string }).type]),
  );
}

const series = registeredSeries();
/** What a query may name: a series, or a histogram's `_bucket`, `_sum` and `_count`. */
const queryable = new Set(
  [...series].flatMap(([name, type]) =>
    type === 'histogram' ? [name, `${name}_bucket`, `${name}_sum`, `${name}_count`] : [name],
  ),
);

const metricsIn = (expr: string): string[] => [...expr.matchAll(/\blintas_[a-z0-9_]+/g)].map(([name]) => name);
const dashboardExprs = [
  ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
  ...dashboard.templating.list.flatMap((variable) =>
    typeof variable.query === 'object' ? [variable.query.query] : [],
  ),
];

describe('the metrics the services register', () => {
  it('are the names of METRIC_NAMES, but for the audit service’s, which issue 16 brings', () => {
    const expected = Object.values(METRIC_NAMES).filter((name) => name !== METRIC_NAMES.auditVerificationFailures);
    expect([...series.keys()].sort()).toEqual(expected.sort());
  });
});

describe('the Grafana dashboard', () => {
  it('asks the Prometheus chosen in its datasource variable, for the services chosen in its service variable', () => {
    expect(dashboard.schemaVersion).toBe(39);
    const [datasource, service] = dashboard.templating.list;
    expect(datasource).toMatchObject({ name: 'datasource', type: 'datasource', query: 'prometheus' });
    expect(service).toMatchObject({ name: 'service', type: 'query' });
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.expr).toContain('job=~"$service"');
    }
  });

  it('queries only series the services register', () => {
    for (const expr of dashboardExprs) {
      expect(metricsIn(expr).length).toBeGreaterThan(0);
      for (const name of metricsIn(expr)) expect(queryable).toContain(name);
    }
  });

  it('shows every series the services register', () => {
    const shown = new Set(dashboardExprs.flatMap(metricsIn).map((name) => name.replace(/_(bucket|sum|count)$/, '')));
    for (const name of series.keys()) expect(shown).toContain(name);
  });
});

describe('the Prometheus alert rules', () => {
  it.each([
    ['the outbox’s oldest message', METRIC_NAMES.outboxOldestMessageAge],
    ['consumer lag', METRIC_NAMES.consumerLag],
    ['dead letters', METRIC_NAMES.deadLetters],
    ['a failed verification', METRIC_NAMES.auditVerificationFailures],
    ['projection lag', METRIC_NAMES.projectionLagSeconds],
  ])('alert on %s', (_, name) => {
    expect(rules.some((rule) => metricsIn(rule.expr).includes(name))).toBe(true);
  });

  it('alert on consumer lag both when it is high and when it keeps growing', () => {
    const lag = rules.filter((rule) => metricsIn(rule.expr).includes(METRIC_NAMES.consumerLag));
    expect(lag.some((rule) => /\bdelta\(/.test(rule.expr))).toBe(true);
    expect(lag.some((rule) => !/\bdelta\(/.test(rule.expr))).toBe(true);
  });

  it('alert on dead letters as soon as they grow', () => {
    const deadLetters = rules.find((rule) => metricsIn(rule.expr).includes(METRIC_NAMES.deadLetters));
    expect(deadLetters?.expr).toMatch(/increase\(lintas_dead_letters_total\[15m\]\)\) > 0$/);
  });

  it('query only series the services register, or the audit service’s verification failures', () => {
    for (const rule of rules) {
      for (const name of metricsIn(rule.expr)) {
        if (name !== METRIC_NAMES.auditVerificationFailures) expect(queryable).toContain(name);
      }
    }
  });

  it('each wait a while, name a severity and explain themselves in English and Bahasa Indonesia', () => {
    expect(new Set(rules.map((rule) => rule.alert)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(['warning', 'critical']).toContain(rule.labels?.severity);
      for (const key of ['summary', 'description', 'summary_id', 'description_id']) {
        expect(rule.annotations?.[key]?.trim()).toBeTruthy();
      }
    }
  });
});
