import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

/**
 * The process's own series (CPU, memory, event loop, garbage collection), gathered once per
 * process: they describe the process, whichever app asks, and every gathering starts observers
 * of its own, which a test process that creates many apps would otherwise pile up.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * A service's metrics: a registry of its own rather than prom-client's global one, since tests
 * create several services in one process and each must expose only its own series. The libs
 * register their series here when the service is wired (docs/architecture.md, "Metrics").
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly process = processMetrics();

  /** The Prometheus text of the service's series and the process's. */
  async text(): Promise<string> {
    const [own, process] = await Promise.all([this.registry.metrics(), this.process.metrics()]);
    return `${own}\n${process}`;
  }
}

/**
 * One reading shared by the gauges it feeds, taken at scrape time: prom-client collects all the
 * gauges of a scrape at once, so those that ask while the reading is under way share it, and the
 * database is asked once per scrape. A failed reading answers undefined: the gauges then expose
 * nothing rather than an old value, and the scrape still succeeds with every other series.
 */
export function sharedReading<T>(read: () => Promise<T>): () => Promise<T | undefined> {
  let pending: Promise<T | undefined> | undefined;
  return () =>
    (pending ??= read()
      .catch(() => undefined)
      .finally(() => (pending = undefined)));
}
