import { performance } from 'node:perf_hooks';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

const tracer = trace.getTracer('@lintas/platform/http');

/**
 * Probes and Prometheus ask every few seconds: their lines are debug, so that they do not drown the
 * requests of agencies.
 */
const PROBE_PATH = /^\/(health\/|metrics$)/;

/** A request as it ended, for metrics: the route template (none for an unknown path), never the URL. */
export interface FinishedRequest {
  method: string;
  route: string | undefined;
  status: number;
  seconds: number;
}

/**
 * Every request as a server span, continuing the caller's `traceparent` if it sent one, active for
 * everything the request runs (guard, unit of work, handler, the appends and outbox rows it
 * writes), and one access line when it ends: method, route template, status and duration, with
 * the trace id. Never the URL itself, its query or the body. See docs/architecture.md, "Traces".
 * `observe` is told the same facts, so that metrics need not measure the request a second time.
 */
export function traceRequests(logger: Logger, observe?: (request: FinishedRequest) => void): RequestHandler {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = performance.now();
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(
      request.method,
      { kind: SpanKind.SERVER, attributes: requestAttributes(request) },
      parent,
    );
    const active = trace.setSpan(parent, span);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      // Known only now: the router sets it when a route matched (none for an unknown path).
      const route = request.route ? `${request.baseUrl}${String(request.route.path)}` : undefined;
      const status = response.statusCode;
      if (route) {
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', status);
      if (status >= 500) {
        span.setAttribute('error.type', String(status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
      const elapsedMs = performance.now() - started;
      observe?.({ method: request.method, route, status, seconds: elapsedMs / 1_000 });
      const line = {
        method: request.method,
        route: route ?? null,
        status,
        durationMs: Math.round(elapsedMs * 10) / 10,
        ...(!response.writableFinished && { aborted: true }),
      };
      const level = PROBE_PATH.test(request.path) ? 'debug' : 'info';
      context.with(active, () => logger[level](line, `${request.method} ${route ?? '(no route)'} ${status}`));
    };
    response.once('finish', end);
    response.once('close', end);
    // A body parser reads the request in its own listeners, which would otherwise run in the
    // context of whatever emitted the event, not the request's: bound, they keep its span.
    context.bind(active, request);
    context.bind(active, response);
    context.with(active, next);
  };
}

/** OpenTelemetry's HTTP server attributes known when the request arrives. */
function requestAttributes(request: Request): Attributes {
  const userAgent = request.headers['user-agent'];
  return {
    'http.request.method': request.method,
    'url.scheme': request.protocol,
    'url.path': request.path,
    'server.address': request.hostname,
    'server.port': request.socket.localPort,
    'network.protocol.version': request.httpVersion,
    'client.address': request.socket.remoteAddress,
    ...(userAgent && { 'user_agent.original': userAgent }),
  };
}
