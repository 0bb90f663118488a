import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, Module, Param, Post } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IsString, MaxLength } from 'class-validator';
import { Pool, type PoolClient } from 'pg';
import { defineContract } from '@lintas/contracts/contract';
import { record, text, uuid } from '@lintas/contracts/schema/vocabulary';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { CommandsModule } from '@lintas/commands/commands.module';
import { StreamWriter, type StreamKind } from '@lintas/commands/stream-writer';
import { byRequest, type WriteCause } from '@lintas/commands/write-cause';
import type { Decider } from '@lintas/event-store/decider';
import { EventStore } from '@lintas/event-store/event-store';
import { EventStoreModule } from '@lintas/event-store/nest/event-store.module';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { MessagingModule } from '@lintas/messaging/nest/messaging.module';
import { integrationMapper } from '@lintas/messaging/outbox/integration-mapper';
import { ReactsTo, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { PersonJourneyModule } from '@lintas/person-journey/person-journey.module';
import { PersonJourneyProjection } from '@lintas/person-journey/person-journey.projection';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch, MinPosition, NewId, deterministicUuid } from '@lintas/platform/http/request-context';
import { eventually } from '../eventually';
import { testIdentity } from '../identity/test-identity';
import { agency } from '../http/agency-client';
import { useRealInfrastructure } from '../real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from './service-under-test';

/**
 * The shared service kit end to end, on a probe service: an idempotent command over HTTP with
 * ETag and position, a problem+json for each kind of bad request, a read that waits for a
 * position, and a reaction to the service's own integration event over real Kafka.
 */
const infra = useRealInfrastructure();

type NoteEvent =
  | { type: 'NoteOpened'; data: { noteId: string; personId: string; text: string } }
  | { type: 'LineAdded'; data: { line: string } }
  | { type: 'NoteSigned'; data: { noteId: string; personId: string; by: string } };
type NoteCommand =
  | { type: 'OpenNote'; noteId: string; personId: string; text: string }
  | { type: 'AddLine'; line: string }
  | { type: 'SignNote'; by: string };
type NoteState = { status: 'none' } | { status: 'open' | 'signed'; noteId: string; personId: string };

const noteDecider: Decider<NoteCommand, NoteEvent, NoteState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'OpenNote') {
      if (state.status !== 'none') throw new DomainError('note.exists', 'the note is already open');
      return [{ type: 'NoteOpened', data: { noteId: command.noteId, personId: command.personId, text: command.text } }];
    }
    if (state.status !== 'open') throw new DomainError('note.not-open', `the note is ${state.status}`);
    if (command.type === 'AddLine') return [{ type: 'LineAdded', data: { line: command.line } }];
    return [{ type: 'NoteSigned', data: { noteId: state.noteId, personId: state.personId, by: command.by } }];
  },
  evolve(state, event) {
    if (event.type === 'NoteOpened')
      return { status: 'open', noteId: event.data.noteId, personId: event.data.personId };
    if (event.type === 'LineAdded') return state;
    return state.status === 'none' ? state : { ...state, status: 'signed' };
  },
};
const noteStream: StreamKind<NoteCommand, NoteEvent, NoteState> = {
  streamId: (noteId) => `note-${noteId}`,
  decider: noteDecider,
};

interface NoteOpenedV1 {
  noteId: string;
  personId: string;
}
const NoteOpenedV1 = defineContract<NoteOpenedV1>({
  name: 'id.lintas.probe.note.opened',
  version: 1,
  topic: 'lintas.probe.events',
  schema: record({ noteId: uuid, personId: uuid }),
});
const NoteTextV1 = defineContract<{ text: string }>({
  name: 'id.lintas.probe.note.text',
  version: 1,
  topic: 'lintas.probe.events',
  schema: record({ text }),
});

class OpenNote extends Command<WriteResult> {
  constructor(
    readonly noteId: string,
    readonly command: NoteCommand,
    readonly cause: WriteCause,
  ) {
    super();
  }
}

/** The shape of every service's use case: a command, a handler, the one stream writer. */
@CommandHandler(OpenNote)
class OpenNoteHandler implements ICommandHandler<OpenNote> {
  constructor(@Inject(StreamWriter) private readonly streams: StreamWriter) {}
  execute({ noteId, command, cause }: OpenNote): Promise<WriteResult> {
    return this.streams.write(noteStream, noteId, command, cause);
  }
}

class OpenNoteRequest {
  @IsString() @MaxLength(200) text!: string;
}

@Controller('notes')
class NotesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Pool) private readonly pool: Pool,
  ) {}

  @Post()
  @Allow('dinas-sosial')
  open(
    @Body() body: OpenNoteRequest,
    @Actor() actor: AgencyActor,
    @NewId('note') noteId: string,
  ): Promise<WriteResult> {
    const personId = deterministicUuid(`person:${noteId}`);
    return this.commands.execute(
      new OpenNote(noteId, { type: 'OpenNote', noteId, personId, text: body.text }, byRequest(actor)),
    );
  }

  @Post(':noteId/lines')
  @Allow('dinas-sosial')
  addLine(
    @Param('noteId') noteId: string,
    @Body() body: OpenNoteRequest,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(new OpenNote(noteId, { type: 'AddLine', line: body.text }, byRequest(actor, ifMatch)));
  }

  @Post(':noteId/sign')
  @Allow('dinas-sosial')
  sign(
    @Param('noteId') noteId: string,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new OpenNote(noteId, { type: 'SignNote', by: actor.agencyId }, byRequest(actor, ifMatch)),
    );
  }

  @Get('echoes/:noteId')
  @Allow('dinas-sosial')
  async echoes(@Param('noteId') noteId: string, @MinPosition() minPosition?: string): Promise<{ count: number }> {
    await this.readModels.waitFor(minPosition);
    const { rows } = await this.pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM probe.echoes WHERE note_id = $1',
      [noteId],
    );
    return { count: rows[0]?.count ?? 0 };
  }
}

/** Reacts to the probe's own published event, as another service would. */
@ReactsTo(NoteOpenedV1)
class OnNoteOpened implements Reaction<NoteOpenedV1> {
  async handle(event: Received<NoteOpenedV1>, transaction: PoolClient): Promise<void> {
    await transaction.query('INSERT INTO probe.echoes (note_id) VALUES ($1)', [event.data.noteId]);
  }
}

@Module({
  imports: [
    EventStoreModule.forService({
      schema: 'probe',
      definitions: [
        { type: 'NoteOpened', schemaVersion: 1, personalFields: ['text'] },
        { type: 'LineAdded', schemaVersion: 1, personalFields: ['line'] },
        { type: 'NoteSigned', schemaVersion: 1, personalFields: [] },
      ],
      integration: (source) =>
        integrationMapper(source, {
          NoteOpened: (event) => {
            const data = event.data as NoteOpenedV1;
            return { contract: NoteOpenedV1, data: { noteId: data.noteId, personId: data.personId } };
          },
        }),
      projections: (schema) => [
        new PersonJourneyProjection(schema),
        {
          name: 'echo-table',
          tables: () => [`CREATE TABLE IF NOT EXISTS ${schema}.echoes (note_id uuid NOT NULL)`],
          apply: async () => undefined,
          reset: async () => undefined,
        },
      ],
    }),
    MessagingModule.forService({
      publishes: [NoteOpenedV1],
      knows: [NoteOpenedV1, NoteTextV1],
    }),
    CommandsModule,
    PersonJourneyModule,
  ],
  controllers: [NotesController],
  providers: [OpenNoteHandler, OnNoteOpened],
})
class ProbeModule {}
const PROBE = { name: 'probe', defaultPort: 0, module: ProbeModule, description: 'a probe' };

describe('the service kit, on a probe service', () => {
  let service: ServiceUnderTest;
  const office = agency('dinas-sosial', 'dinsos-3507');
  beforeAll(async () => {
    service = await startServiceUnderTest(PROBE, infra);
  });
  afterAll(() => service.close());

  it('answers a write with its version as ETag and its position, and replays a retry', async () => {
    const client = service.as(office);
    const first = await client.post('/notes', { text: 'Budi, ditemukan di pasar' }, { idempotencyKey: 'k-1' });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.headers.get('x-lintas-position')).toBe(first.body.position);

    const retry = await client.post('/notes', { text: 'Budi, ditemukan di pasar' }, { idempotencyKey: 'k-1' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');

    const other = await client.post('/notes', { text: 'another text' }, { idempotencyKey: 'k-1' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key.reused');

    const journey = await client.get(`/persons/${deterministicUuid(`person:${first.body.id}`)}/journey`, {
      minPosition: first.body.position,
    });
    expect(journey.body.steps.map((s: { type: string }) => s.type)).toEqual(['NoteOpened']);
  });

  it('answers bad requests with problem+json naming the fault, in the language asked for', async () => {
    const client = service.as(office);
    const unknownField = await client.post(
      '/notes',
      { text: 'x', nik: '3507014506900001' },
      { headers: { 'accept-language': 'id' } },
    );
    expect(unknownField.status).toBe(400);
    expect(unknownField.headers.get('content-type')).toContain('application/problem+json');
    expect(unknownField.body).toMatchObject({ code: 'request.invalid', title: 'Permintaan tidak valid' });
    expect(unknownField.body.errors).toEqual([{ field: 'nik', messages: ['property nik should not exist'] }]);

    const noKey = await fetch(`${service.url}/notes`, { method: 'POST', body: '{}' });
    expect(noKey.status).toBe(401);

    const rsj = await service.as(agency('rsj', 'rsj-lawang')).post('/notes', { text: 'x' });
    expect(rsj.status).toBe(403);
    expect(rsj.body.code).toBe('agency.not-allowed');

    const opened = await client.post('/notes', { text: 'x' });
    const stale = await client.post(`/notes/${opened.body.id}/sign`, {}, { ifMatch: 7 });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'version.stale', currentVersion: 1 });
    const signed = await client.post(`/notes/${opened.body.id}/sign`, {}, { ifMatch: 1 });
    expect(signed.headers.get('etag')).toBe('"2"');
    const twice = await client.post(`/notes/${opened.body.id}/sign`, {});
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'note.not-open', type: 'https://lintas.id/problems/note.not-open' });
  });

  it('refuses a body that is not JSON, one nested too deep and one too large, each as problem+json', async () => {
    const bearer = `Bearer ${await (await testIdentity()).tokenFor(office)}`;
    const send = (type: string, body: string) =>
      fetch(`${service.url}/notes`, {
        method: 'POST',
        headers: { authorization: bearer, 'content-type': type, 'idempotency-key': randomUUID() },
        body,
      }).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), body: await r.json() }));

    // Its text would have been dropped and the note opened without it.
    const plain = await send('text/plain', JSON.stringify({ text: 'Budi' }));
    expect(plain).toMatchObject({ status: 415, body: { code: 'request.unsupported-media-type' } });
    expect(plain.type).toContain('application/problem+json');

    const deep = await send('application/json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(deep).toMatchObject({ status: 400, body: { code: 'request.too-deep' } });

    const large = await send('application/json', JSON.stringify({ text: 'x'.repeat(200_000) }));
    expect(large).toMatchObject({ status: 413 });
    expect(large.type).toContain('application/problem+json');

    // The service goes on answering.
    expect((await service.as(office).post('/notes', { text: 'Budi' })).status).toBe(201);
  });

  it("refuses a revoked client's tokens still alive with 401 problem+json within seconds, and no other client's", async () => {
    const identity = await testIdentity();
    const leaving = agency('dinas-sosial', 'dinsos-3573');
    const kept = await identity.tokenFor(office);
    const doomed = await identity.tokenFor(leaving);
    const open = (bearer: string) =>
      fetch(`${service.url}/notes`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${bearer}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({ text: 'Budi' }),
      }).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), body: await r.json() }));
    expect((await open(doomed)).status).toBe(201);

    identity.revoke(leaving);
    // The service reads the issuer's list of revoked clients at most every 5 s.
    const refused = await eventually(
      () => open(doomed),
      (reply) => reply.status === 401,
      { timeoutMs: 10_000 },
    );
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'agency.not-authenticated',
      detail: expect.stringContaining('revoked'),
    });
    expect((await open(kept)).status).toBe(201);
  });

  it('answers with security headers, and no browser of another origin may call it', async () => {
    const reply = await fetch(`${service.url}/notes/${randomUUID()}`, {
      headers: {
        origin: 'https://evil.example',
        authorization: `Bearer ${await (await testIdentity()).tokenFor(office)}`,
      },
    });
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('x-powered-by')).toBeNull();
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('publishes through the outbox and reacts once to its own event over Kafka', async () => {
    const client = service.as(office);
    const opened = await client.post('/notes', { text: 'y' });
    const echoes = await eventually(
      () => client.get(`/notes/echoes/${opened.body.id}`),
      (reply) => reply.body.count > 0,
    );
    expect(echoes.body.count).toBe(1);
  });

  it('queues concurrent writes without If-Match to one stream: none is refused for a version', async () => {
    const client = service.as(office);
    const opened = await client.post('/notes', { text: 'a note many write to' });
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.post(`/notes/${opened.body.id}/lines`, { text: `line ${i}` })),
    );
    expect(writes.map((write) => write.status)).toEqual(Array(20).fill(201));
    expect(new Set(writes.map((write) => write.body.version))).toEqual(
      new Set(Array.from({ length: 20 }, (_, i) => i + 2)),
    );
    const stale = await client.post(`/notes/${opened.body.id}/lines`, { text: 'late' }, { ifMatch: 2 });
    expect(stale.status).toBe(412);
  });

  it('answers concurrent retries with one Idempotency-Key with the first answer, applied once', async () => {
    const client = service.as(office);
    const opened = await client.post('/notes', { text: 'a note retried' });
    const retries = await Promise.all(
      Array.from({ length: 8 }, () =>
        client.post(`/notes/${opened.body.id}/lines`, { text: 'once' }, { idempotencyKey: `line-${opened.body.id}` }),
      ),
    );
    expect(retries.map((retry) => retry.status)).toEqual(Array(8).fill(201));
    expect(new Set(retries.map((retry) => JSON.stringify(retry.body))).size).toBe(1);
    expect(retries.filter((retry) => retry.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    const store = service.app.get(EventStore);
    const history = await store.readStream(`note-${opened.body.id}`);
    expect(history.map((event) => event.type)).toEqual(['NoteOpened', 'LineAdded']);
  });

  it('serves its OpenAPI 3.1 document without a token', async () => {
    const document = (await (await fetch(`${service.url}/openapi.json`)).json()) as { openapi: string; paths: object };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/notes', '/persons/{personId}/journey']));
  });
});

describe('the service kit with a rate limit and an allowed browser origin', () => {
  let service: ServiceUnderTest;
  const office = agency('dinas-sosial', 'dinsos-3507');
  beforeAll(async () => {
    service = await startServiceUnderTest(PROBE, infra, {
      RATE_LIMIT_PER_SECOND: '1',
      RATE_LIMIT_BURST: '2',
      REFUSED_TOKENS_PER_SECOND: '1',
      REFUSED_TOKENS_BURST: '3',
      CORS_ORIGINS: 'https://konsol.lintas.example',
    });
  });
  afterAll(() => service.close());

  it('refuses a client over its rate with 429 and Retry-After, and not another client', async () => {
    const client = service.as(office);
    const replies = [];
    for (let i = 0; i < 3; i += 1) replies.push(await client.post('/notes', { text: `note ${i}` }));
    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 429]);
    const refused = replies[2];
    expect(refused?.headers.get('retry-after')).toBe('1');
    expect(refused?.headers.get('content-type')).toContain('application/problem+json');
    expect(refused?.body).toMatchObject({ code: 'rate-limited', retryAfter: 1 });
    expect((await service.as(agency('dinas-sosial', 'dinsos-3571', '3571')).post('/notes', { text: 'x' })).status).toBe(
      201,
    );
  });

  it('records a flood of bad tokens only up to its rate, then answers 429 unrecorded; valid tokens still pass', async () => {
    const personId = deterministicUuid('person:flooded');
    const refusals = async () =>
      (
        await service.app
          .get(Pool)
          .query<{ n: number }>(
            `SELECT count(*)::int AS n FROM probe.access_records WHERE outcome = 'refused' AND params->>'personId' = $1`,
            [personId],
          )
      ).rows[0]?.n;
    const statuses = [];
    for (let i = 0; i < 10; i += 1) {
      const reply = await fetch(`${service.url}/persons/${personId}/journey`, {
        headers: { authorization: `Bearer not-a-token-${i}` },
      });
      statuses.push(reply.status);
      if (reply.status === 429) expect(reply.headers.get('retry-after')).toBe('1');
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    expect(await refusals()).toBe(3);
    // The bound is on refused tokens, not on the address: an agency with a valid token is answered
    // (404: no such person here) and its refusal is recorded as every other.
    const office = service.as(agency('dinas-sosial', 'dinsos-3578', '3578'));
    expect((await office.get(`/persons/${personId}/journey`)).status).toBe(404);
    expect(await refusals()).toBe(4);
  });

  it('lets the configured browser origin call it', async () => {
    const preflight = await fetch(`${service.url}/notes`, {
      method: 'OPTIONS',
      headers: { origin: 'https://konsol.lintas.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://konsol.lintas.example');
    const other = await fetch(`${service.url}/notes`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the service kit while its identity provider cannot be reached', () => {
  let service: ServiceUnderTest;
  beforeAll(async () => {
    // Nothing listens on port 1: discovery is refused, as when the provider is down or restarting.
    service = await startServiceUnderTest(PROBE, infra, { IDENTITY_ISSUER: 'http://127.0.0.1:1/realms/lintas' });
  });
  afterAll(() => service.close());

  it('answers a token it cannot check 503 with Retry-After, not 401: the token may well be valid', async () => {
    const refused = await service.as(agency('dinas-sosial', 'dinsos-3507')).post('/notes', { text: 'Budi' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'identity-provider.unavailable', retryAfter: 1 });
  });
});
