import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Inject, Injectable, Module, Param, Post } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { Pool, type PoolClient } from 'pg';
import { defineContract } from '@lintas/contracts/contract';
import { record, text, uuid } from '@lintas/contracts/schema/vocabulary';
import { DomainError } from '@lintas/domain-kernel/domain-error';
import { handleCommand, type Decider } from '@lintas/event-store/decider';
import { EventStore } from '@lintas/event-store/event-store';
import { EventStoreModule } from '@lintas/event-store/nest/event-store.module';
import { ReadModels } from '@lintas/event-store/nest/read-models';
import { formatPosition } from '@lintas/event-store/position';
import { MessagingModule } from '@lintas/messaging/nest/messaging.module';
import { integrationMapper } from '@lintas/messaging/outbox/integration-mapper';
import { reactionMetadata, type Reaction, type Received } from '@lintas/messaging/reactions/reaction';
import { PersonJourneyModule } from '@lintas/person-journey/person-journey.module';
import { PersonJourneyProjection } from '@lintas/person-journey/person-journey.projection';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { IfMatch, MinPosition, NewId, deterministicUuid } from '@lintas/platform/http/request-context';
import { eventually } from '../eventually';
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
  | { type: 'NoteSigned'; data: { noteId: string; personId: string; by: string } };
type NoteCommand =
  { type: 'OpenNote'; noteId: string; personId: string; text: string } | { type: 'SignNote'; by: string };
type NoteState = { status: 'none' } | { status: 'open' | 'signed'; noteId: string; personId: string };

const noteDecider: Decider<NoteCommand, NoteEvent, NoteState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'OpenNote') {
      if (state.status !== 'none') throw new DomainError('note.exists', 'the note is already open');
      return [{ type: 'NoteOpened', data: { noteId: command.noteId, personId: command.personId, text: command.text } }];
    }
    if (state.status !== 'open') throw new DomainError('note.not-open', `the note is ${state.status}`);
    return [{ type: 'NoteSigned', data: { noteId: state.noteId, personId: state.personId, by: command.by } }];
  },
  evolve(state, event) {
    if (event.type === 'NoteOpened')
      return { status: 'open', noteId: event.data.noteId, personId: event.data.personId };
    return state.status === 'none' ? state : { ...state, status: 'signed' };
  },
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

class OpenNoteRequest {
  @IsString() @MaxLength(200) text!: string;
}

const metadata = (actor: AgencyActor, personId: string) => ({
  occurredAt: new Date().toISOString(),
  correlationId: randomUUID(),
  causationId: null,
  actor: { agencyId: actor.agencyId, clientId: actor.clientId },
  personId,
});

@Controller('notes')
class NotesController {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(Pool) private readonly pool: Pool,
  ) {}

  @Post()
  @Allow('dinas-sosial')
  async open(
    @Body() body: OpenNoteRequest,
    @Actor() actor: AgencyActor,
    @NewId('note') noteId: string,
  ): Promise<WriteResult> {
    const personId = deterministicUuid(`person:${noteId}`);
    const result = await handleCommand(
      this.store,
      `note-${noteId}`,
      noteDecider,
      { type: 'OpenNote', noteId, personId, text: body.text },
      {
        metadata: metadata(actor, personId),
      },
    );
    return { id: noteId, version: result.nextExpectedVersion, position: formatPosition(result.position) };
  }

  @Post(':noteId/sign')
  @Allow('dinas-sosial')
  async sign(
    @Param('noteId') noteId: string,
    @Actor() actor: AgencyActor,
    @IfMatch() ifMatch?: number,
  ): Promise<WriteResult> {
    const personId = deterministicUuid(`person:${noteId}`);
    const result = await handleCommand(
      this.store,
      `note-${noteId}`,
      noteDecider,
      { type: 'SignNote', by: actor.agencyId },
      {
        metadata: metadata(actor, personId),
        ...(ifMatch !== undefined ? { expectedVersion: ifMatch } : {}),
      },
    );
    return { id: noteId, version: result.nextExpectedVersion, position: formatPosition(result.position) };
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
@Injectable()
class OnNoteOpened implements Reaction<NoteOpenedV1> {
  readonly contract = NoteOpenedV1;
  async handle(event: Received<NoteOpenedV1>, transaction: PoolClient): Promise<void> {
    expect(reactionMetadata(event, 'probe').causationId).toBe(event.id);
    await transaction.query('INSERT INTO probe.echoes (note_id) VALUES ($1)', [event.data.noteId]);
  }
}

@Module({
  imports: [
    EventStoreModule.forService({
      schema: 'probe',
      definitions: [
        { type: 'NoteOpened', schemaVersion: 1, personalFields: ['text'] },
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
      reactions: [OnNoteOpened],
    }),
    PersonJourneyModule,
  ],
  controllers: [NotesController],
})
class ProbeModule {}

describe('the service kit, on a probe service', () => {
  let service: ServiceUnderTest;
  const office = agency('dinas-sosial', 'dinsos-3507');
  beforeAll(async () => {
    service = await startServiceUnderTest(
      { name: 'probe', defaultPort: 0, module: ProbeModule, description: 'a probe' },
      infra,
    );
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

  it('publishes through the outbox and reacts once to its own event over Kafka', async () => {
    const client = service.as(office);
    const opened = await client.post('/notes', { text: 'y' });
    const echoes = await eventually(
      () => client.get(`/notes/echoes/${opened.body.id}`),
      (reply) => reply.body.count > 0,
    );
    expect(echoes.body.count).toBe(1);
  });

  it('serves its OpenAPI 3.1 document without a token', async () => {
    const document = (await (await fetch(`${service.url}/openapi.json`)).json()) as { openapi: string; paths: object };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/notes', '/persons/{personId}/journey']));
  });
});
