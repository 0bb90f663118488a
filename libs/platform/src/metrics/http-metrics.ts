import { Histogram } from 'prom-client';
import type { FinishedRequest } from '../http/request-tracing';
import { LATENCY_BUCKETS_SECONDS, METRIC_NAMES } from './metric-names';
import type { ServiceMetrics } from './service-metrics';

/** A path no route matched: one label value for all of them, so that scanners cannot mint series. */
const NO_ROUTE = '(none)';

/** Requests by route template and status, with their latency; fed by traceRequests as each request ends. */
export function requestMetrics(metrics: ServiceMetrics): (request: FinishedRequest) => void {
  const duration = new Histogram({
    name: METRIC_NAMES.httpRequestDuration,
    help: 'HTTP requests by method, route template and status code, and how long they took.',
    labelNames: ['method', 'route', 'status_code'],
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [metrics.registry],
  });
  return ({ method, route, status, seconds }) =>
    duration.observe({ method, route: route ?? NO_ROUTE, status_code: String(status) }, seconds);
}
