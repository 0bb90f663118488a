import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { contextFromTraceContext } from '@lintas/platform/tracing/trace-context';
import type { RelayObserver } from './outbox-relay';

const tracer = trace.getTracer('@lintas/messaging');

/**
 * A producer span for each message the relay ships, child of the context the message was stored
 * in (its `ce_traceparent`), from when the relay read it until the broker acknowledged it: the
 * time a hand-over spends in the relay shows in its trace. A message read again (its send failed
 * and the next leader reads it anew) ends its earlier span as failed.
 */
export function relaySpans(transport: string): RelayObserver {
  const system = transport === 'pg-log' ? 'postgresql' : 'kafka';
  const open = new Map<string, Span>();
  return {
    read(batch) {
      for (const headers of batch) {
        const id = headers.ce_id ?? '';
        const earlier = open.get(id);
        if (earlier) {
          earlier.setAttribute('error.type', 'not-acknowledged');
          earlier.setStatus({ code: SpanStatusCode.ERROR });
          earlier.end();
        }
        const parent = contextFromTraceContext({
          traceparent: headers.ce_traceparent,
          tracestate: headers.ce_tracestate,
        });
        const span = tracer.startSpan(
          `send ${headers.ce_type}`,
          {
            kind: SpanKind.PRODUCER,
            attributes: {
              'messaging.system': system,
              'messaging.operation.type': 'send',
              'messaging.operation.name': 'send',
              'messaging.message.id': id,
              'cloudevents.event_id': id,
              'cloudevents.event_source': headers.ce_source,
              'cloudevents.event_type': headers.ce_type,
            },
          },
          parent,
        );
        open.set(id, span);
      }
    },
    sent(batch) {
      for (const headers of batch) {
        const id = headers.ce_id ?? '';
        open.get(id)?.end();
        open.delete(id);
      }
    },
  };
}
