import {
  context as contextApi,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type Context,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** A trace context as W3C Trace Context writes it, and as the CloudEvents distributed-tracing extension carries it. */
export interface TraceContextFields {
  traceparent?: string;
  tracestate?: string;
}

// W3C whatever the process propagates over HTTP: the CloudEvents extension names this format.
const w3c = new W3CTraceContextPropagator();

/** The active (or given) context's trace as `traceparent` and `tracestate`; empty where there is no valid span. */
export function traceContextFields(context: Context = contextApi.active()): TraceContextFields {
  const fields: Record<string, string> = {};
  w3c.inject(context, fields, defaultTextMapSetter);
  return fields;
}

/** A context whose (remote) parent is the trace the fields name; without a valid `traceparent`, the base. */
export function contextFromTraceContext(fields: TraceContextFields, base: Context = ROOT_CONTEXT): Context {
  if (!fields.traceparent) return base;
  return w3c.extract(base, fields, defaultTextMapGetter);
}
