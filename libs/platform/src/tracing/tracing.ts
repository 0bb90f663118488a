import { context, diag, DiagLogLevel, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';
import type { Logger } from 'pino';
import type { ServiceEnv } from '../config/service-env';

export interface TracingOptions {
  /** `service.name` of every span. */
  serviceName: string;
  /** Where to send spans over OTLP/HTTP; none: spans exist (their ids are in the logs) but leave nowhere. */
  otlpTracesUrl?: string;
  /** Exporter failures and the SDK's own warnings go here. */
  logger?: Logger;
  /** Processors besides the exporter's, for tests that look at the spans. */
  spanProcessors?: SpanProcessor[];
}

export interface Tracing {
  readonly exporting: boolean;
  /** Sends what is still batched, then stops: for the end of the process. */
  shutdown(): Promise<void>;
}

let started: Tracing | undefined;

/**
 * The process's tracer provider, W3C trace context propagation and async context, set once: the
 * API's globals can be set only once, so a second call answers the first call's tracing.
 * See docs/architecture.md, "Traces".
 */
export function startTracing(options: TracingOptions): Tracing {
  if (started) return started;
  if (options.logger) forwardDiagnostics(options.logger);
  const processors = [...(options.spanProcessors ?? [])];
  if (options.otlpTracesUrl) {
    // Batched: an append must never wait for a span to be sent.
    processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: options.otlpTracesUrl }) }));
  }
  const provider = new TracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': options.serviceName })),
    spanProcessors: processors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  started = { exporting: options.otlpTracesUrl !== undefined, shutdown: () => provider.shutdown() };
  return started;
}

/** The service's tracing settings, by the OpenTelemetry names (OTEL_EXPORTER_OTLP_*, OTEL_SERVICE_NAME). */
export function tracingOptions(service: string, env: ServiceEnv, logger?: Logger): TracingOptions {
  const url = otlpTracesUrl(env);
  return { serviceName: env.OTEL_SERVICE_NAME ?? service, ...(url && { otlpTracesUrl: url }), logger };
}

/**
 * As the OTLP exporter specification reads them: the signal's own endpoint is used as it is, the
 * general one gets the signal's path `v1/traces` appended.
 */
export function otlpTracesUrl(
  env: Pick<ServiceEnv, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>,
): string | undefined {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!base) return undefined;
  return `${base.endsWith('/') ? base : `${base}/`}v1/traces`;
}

// Without this the SDK reports an unreachable collector nowhere: spans would vanish unexplained.
function forwardDiagnostics(logger: Logger): void {
  const warn = (message: string, ...args: unknown[]) =>
    logger.warn(args.length > 0 ? { detail: args.map(String) } : {}, `tracing: ${message}`);
  const ignore = () => undefined;
  diag.setLogger({ error: warn, warn, info: ignore, debug: ignore, verbose: ignore }, DiagLogLevel.WARN);
}
