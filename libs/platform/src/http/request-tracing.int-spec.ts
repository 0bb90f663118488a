import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { Body, Controller, HttpCode, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { SpanKind, trace, type SpanContext } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { createLogger } from '../logging/json-logger';
import { createServiceApp, readServiceEnv } from '../service/run-service';
import { startTracing } from '../tracing/tracing';
import { Public } from './agency/agency.guard';

const spans = new InMemorySpanExporter();
startTracing({ serviceName: 'probe', spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] });

const infra = useRealInfrastructure();
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

/** The span active where the handler runs, after the body was read. */
let inHandler: SpanContext | undefined;

@Public()
@Controller('things')
class ThingsController {
  @Post(':thingId/notes')
  @HttpCode(201)
  note(@Param('thingId') thingId: string, @Body() body: { text: string }): { thingId: string; length: number } {
    inHandler = trace.getActiveSpan()?.spanContext();
    return { thingId, length: body.text.length };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

let app: INestApplication;
let port: number;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const service = { description: 'a probe', name: 'probe', defaultPort: 0, module: ThingsModule };
  const env = readServiceEnv(service, { DATABASE_URL: infra.databaseUrl, MESSAGING_TRANSPORT: 'pg-log' });
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = await createServiceApp(service, env, createLogger('probe', 'info', destination));
  await app.listen(0, '127.0.0.1');
  port = (app.getHttpServer().address() as { port: number }).port;
});
afterAll(() => app.close());
beforeEach(() => {
  spans.reset();
  lines.length = 0;
  inHandler = undefined;
});

/** A POST whose body arrives in two parts, apart: the body parser reads it in socket events. */
function postSlowly(path: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    call.on('error', reject);
    const half = Math.floor(body.length / 2);
    call.write(body.slice(0, half));
    setTimeout(() => call.end(body.slice(half)), 50);
  });
}

const accessLines = () => lines.filter((line) => typeof line.status === 'number');

describe('a request', () => {
  it("is a server span continuing the caller's traceparent, active in the handler, named by its route", async () => {
    const status = await postSlowly('/things/t-1/notes', JSON.stringify({ text: 'x'.repeat(20_000) }), {
      traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01`,
    });
    expect(status).toBe(201);
    const [server] = spans.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER);
    expect(server).toMatchObject({
      name: 'POST /things/:thingId/notes',
      parentSpanContext: expect.objectContaining({ traceId: TRACE_ID, spanId: CALLER_SPAN, isRemote: true }),
      attributes: expect.objectContaining({
        'http.request.method': 'POST',
        'http.route': '/things/:thingId/notes',
        'http.response.status_code': 201,
        'url.path': '/things/t-1/notes',
      }),
    });
    expect(inHandler).toEqual(server?.spanContext());
  });

  it('is logged once, with route template, status, duration and trace id, never the body or the path', async () => {
    await postSlowly('/things/t-2/notes', JSON.stringify({ text: 'Siti Aminah' }), {
      traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01`,
    });
    const [server] = spans.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER);
    expect(accessLines()).toEqual([
      expect.objectContaining({
        level: 'info',
        method: 'POST',
        route: '/things/:thingId/notes',
        status: 201,
        durationMs: expect.any(Number),
        trace_id: TRACE_ID,
        span_id: server?.spanContext().spanId,
      }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/Siti|t-2/);
  });

  it('starts a trace of its own without a traceparent, and is logged even when no route matches', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/nowhere`);
    expect(response.status).toBe(404);
    const [server] = spans.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER);
    expect(server?.name).toBe('GET');
    expect(server?.parentSpanContext).toBeUndefined();
    expect(accessLines()).toEqual([
      expect.objectContaining({ method: 'GET', route: null, status: 404, trace_id: server?.spanContext().traceId }),
    ]);
  });
});
