import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Module } from '@nestjs/common';
import { redeliveryRequestedContract } from '@lintas/contracts/admin/redelivery.contracts';
import { defineContract } from '@lintas/contracts/contract';
import { record, uuid } from '@lintas/contracts/schema/vocabulary';
import { EventStore } from '@lintas/event-store/event-store';
import { EventStoreModule } from '@lintas/event-store/nest/event-store.module';
import { MessagingModule } from '@lintas/messaging/nest/messaging.module';
import { RedeliveryModule } from '@lintas/messaging/nest/redelivery.module';
import { integrationMapper, publication } from '@lintas/messaging/outbox/integration-mapper';
import { agency } from '@lintas/testing/http/agency-client';
import { testIdentity } from '@lintas/testing/identity/test-identity';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';

/**
 * `lintas redeliver` as an admin runs it against a publishing service (found by `--service intake`,
 * whose variable points at a probe service here): a person's events sent again, with the
 * redelivery's answer; refusals (exit 1) and wrong uses (exit 2).
 */
const infra = useRealInfrastructure();
const run = promisify(execFile);

const PROBE_TOPIC = 'lintas.probe.events';
interface NoteOpenedV1 {
  noteId: string;
  personId: string;
}
const NoteOpenedV1 = defineContract<NoteOpenedV1>({
  name: 'id.lintas.probe.note.opened',
  version: 1,
  topic: PROBE_TOPIC,
  schema: record({ noteId: uuid, personId: uuid }),
});
const ProbeRedeliveryRequestedV1 = redeliveryRequestedContract('probe', PROBE_TOPIC);

@Module({
  imports: [
    EventStoreModule.forService({
      schema: 'probe',
      definitions: [{ type: 'NoteOpened', schemaVersion: 1, personalFields: [] }],
      integration: (source) =>
        integrationMapper(source, { NoteOpened: (event) => publication(NoteOpenedV1, event.data as NoteOpenedV1) }),
    }),
    MessagingModule.forService({ publishes: [NoteOpenedV1, ProbeRedeliveryRequestedV1], knows: [] }),
    RedeliveryModule.forService(ProbeRedeliveryRequestedV1),
  ],
})
class ProbeModule {}

const admin = agency('admin', 'lintas-admin', '35');
const office = agency('dinas-sosial', 'dinsos-3507', '3507');

let service: ServiceUnderTest;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  service = await startServiceUnderTest(
    { name: 'probe', defaultPort: 0, module: ProbeModule, description: 'a probe' },
    infra,
    { MESSAGING_TRANSPORT: 'pg-log' },
  );
  const identity = await testIdentity();
  dir = await mkdtemp(join(tmpdir(), 'lintas-redeliver-'));
  await writeFile(join(dir, 'admin-secret'), `${identity.credentialsFor(admin).secret}\n`, { mode: 0o600 });
  await writeFile(join(dir, 'office-secret'), `${identity.credentialsFor(office).secret}\n`, { mode: 0o600 });
  env = {
    LINTAS_IDENTITY_URL: identity.issuer,
    LINTAS_CLIENT_ID: admin.clientId,
    LINTAS_CLIENT_SECRET_FILE: join(dir, 'admin-secret'),
    LINTAS_INTAKE_URL: service.url,
  };
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function lintas(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '..', 'main.ts'), ...args],
      { env: { ...env, ...extraEnv }, cwd: join(__dirname, '../../../..') },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('lintas redeliver', () => {
  it("sends a person's events again to one consumer group, and prints the redelivery", async () => {
    const personId = randomUUID();
    const { position } = await service.app.get(EventStore).append(`note-${randomUUID()}`, [
      {
        type: 'NoteOpened',
        data: { noteId: randomUUID(), personId },
        metadata: {
          occurredAt: new Date().toISOString(),
          correlationId: randomUUID(),
          causationId: null,
          actor: { agencyId: 'dinsos-3507', clientId: 'test' },
          personId,
        },
      },
    ]);
    const at = `${position.transactionId}.${position.sequence}`;

    const sent = await lintas([
      '--json',
      'redeliver',
      '--service',
      'intake',
      '--reason',
      'rehabilitation restored a backup',
      '--person',
      personId,
      '--group',
      'lintas.rehabilitation',
    ]);
    expect(sent).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(sent.stdout)).toEqual({
      redeliveryId: expect.any(String),
      events: 1,
      firstPosition: at,
      lastPosition: at,
      topics: [`${PROBE_TOPIC}.redelivery.lintas.rehabilitation`],
    });

    const words = await lintas(['redeliver', '--service-url', service.url, '--reason', 'again', '--person', personId]);
    expect(words).toMatchObject({ code: 0, stderr: '' });
    expect(words.stdout).toMatch(
      /^redelivery [0-9a-f-]{36}: 1 event\(s\), positions .* to lintas\.probe\.events \(recorded\)\n$/,
    );

    const none = await lintas(['redeliver', '--service', 'intake', '--reason', 'again', '--event-id', randomUUID()]);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toBe('lintas: 422 the selection holds no event probe publishes\n');
  });

  it('refuses an agency that is not an admin (exit 1), and wrong uses (exit 2)', async () => {
    const refused = await lintas(
      ['redeliver', '--service', 'intake', '--reason', 'why not', '--from-position', '0.0'],
      {
        LINTAS_CLIENT_ID: office.clientId,
        LINTAS_CLIENT_SECRET_FILE: join(dir, 'office-secret'),
      },
    );
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    // Its client may not even ask for the admin scope (the service itself answers 403: redelivery.app-spec.ts).
    expect(refused.stderr).toMatch(/^lintas: no admin token: invalid_scope/);

    const noReason = await lintas(['redeliver', '--service', 'intake', '--from-position', '0.0']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("required option '--reason <reason>' not specified");

    const noSelection = await lintas(['redeliver', '--service', 'intake', '--reason', 'why']);
    expect(noSelection).toMatchObject({ code: 2, stdout: '' });
    expect(noSelection.stderr).toContain('which events?');
  });
});
