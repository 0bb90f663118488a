import { Writable } from 'node:stream';
import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { InvalidEnvironmentError, loadEnv } from '../config/load-env';
import { ServiceEnv } from '../config/service-env';
import { createLogger } from '../logging/json-logger';
import { contextFromTraceContext, traceContextFields } from './trace-context';
import { otlpTracesUrl, startTracing, tracingOptions } from './tracing';

const tracing = startTracing({ serviceName: 'probe' });
afterAll(() => tracing.shutdown());

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

function logLines(log: (logger: ReturnType<typeof createLogger>) => void): Record<string, unknown>[] {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  log(createLogger('intake', 'info', stream));
  return chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('tracing settings', () => {
  it('exports nothing unless an OTLP endpoint is set, and names spans after the service', () => {
    const env = loadEnv(ServiceEnv, {});
    expect(tracingOptions('intake', env)).toMatchObject({ serviceName: 'intake' });
    expect(tracingOptions('intake', env).otlpTracesUrl).toBeUndefined();
    expect(tracingOptions('intake', loadEnv(ServiceEnv, { OTEL_SERVICE_NAME: 'lintas-intake' })).serviceName).toBe(
      'lintas-intake',
    );
  });

  it('reads the endpoints as the OTLP exporter specification does', () => {
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318' })).toBe('http://jaeger:4318/v1/traces');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://tempo:4318/otlp/' })).toBe(
      'http://tempo:4318/otlp/v1/traces',
    );
    expect(
      otlpTracesUrl({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector.example:4318/custom/traces',
      }),
    ).toBe('https://collector.example:4318/custom/traces');
    expect(
      loadEnv(ServiceEnv, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318' }).OTEL_EXPORTER_OTLP_ENDPOINT,
    ).toBe('http://localhost:4318');
  });

  it('refuses an endpoint that is not an http(s) URL, naming it', () => {
    expect(() => loadEnv(ServiceEnv, { OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4318' })).toThrow(InvalidEnvironmentError);
    expect(() => loadEnv(ServiceEnv, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://jaeger:4317' })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: must be the http\(s\) URL/,
    );
  });

  it('starts once per process', () => {
    expect(startTracing({ serviceName: 'another' })).toBe(tracing);
  });
});

describe('trace context', () => {
  it('propagates W3C trace context', () => {
    const carrier: Record<string, string> = {};
    propagation.inject(contextFromTraceContext({ traceparent: TRACEPARENT }), carrier);
    expect(carrier.traceparent).toBe(TRACEPARENT);
  });

  it('writes the active span as traceparent and tracestate, and reads them back', () => {
    const parent = contextFromTraceContext({ traceparent: TRACEPARENT, tracestate: 'vendor=x' });
    const span = trace.getTracer('test').startSpan('work', {}, parent);
    const fields = context.with(trace.setSpan(parent, span), () => traceContextFields());
    span.end();
    expect(fields).toEqual({
      traceparent: `00-0af7651916cd43dd8448eb211c80319c-${span.spanContext().spanId}-01`,
      tracestate: 'vendor=x',
    });
    expect(trace.getSpanContext(contextFromTraceContext(fields))).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: span.spanContext().spanId,
      isRemote: true,
    });
  });

  it('writes nothing outside a span, and reads nothing from a malformed traceparent', () => {
    expect(traceContextFields(ROOT_CONTEXT)).toEqual({});
    expect(trace.getSpanContext(contextFromTraceContext({ traceparent: 'nonsense' }))).toBeUndefined();
  });
});

describe('log lines', () => {
  it('carry the active span’s trace and span id', () => {
    const span = trace.getTracer('test').startSpan('work', {}, contextFromTraceContext({ traceparent: TRACEPARENT }));
    const [inside, outside] = logLines((logger) => {
      context.with(trace.setSpan(ROOT_CONTEXT, span), () => logger.info({ correlationId: 'c-1' }, 'inside'));
      logger.info('outside');
    });
    span.end();
    expect(inside).toMatchObject({
      message: 'inside',
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: span.spanContext().spanId,
      correlationId: 'c-1',
    });
    expect(outside).not.toHaveProperty('trace_id');
  });
});
