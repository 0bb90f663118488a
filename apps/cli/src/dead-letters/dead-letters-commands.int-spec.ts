import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Module } from '@nestjs/common';
import { defineContract } from '@lintas/contracts/contract';
import { record, uuid } from '@lintas/contracts/schema/vocabulary';
import { EventStoreModule } from '@lintas/event-store/nest/event-store.module';
import { MessagingModule } from '@lintas/messaging/nest/messaging.module';
import { ReactsTo, type Reaction } from '@lintas/messaging/reactions/reaction';
import { eventually } from '@lintas/testing/eventually';
import { agency } from '@lintas/testing/http/agency-client';
import { testIdentity } from '@lintas/testing/identity/test-identity';
import { NeighbouringServices } from '@lintas/testing/messaging/neighbouring-services';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';

/**
 * `lintas dead-letters …` as an admin runs it, against a service on real PostgreSQL and Kafka whose
 * consumer gave up on a message: listed, shown, sent again with a reason; and the exit codes of a
 * refusal (1) and of a wrong use (2).
 */
const infra = useRealInfrastructure();
const run = promisify(execFile);

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

@ReactsTo(NoteOpenedV1)
class OnNoteOpened implements Reaction<NoteOpenedV1> {
  async handle(): Promise<void> {}
}

@Module({
  imports: [
    EventStoreModule.forService({ schema: 'probe', definitions: [] }),
    MessagingModule.forService({ publishes: [], knows: [NoteOpenedV1] }),
  ],
  providers: [OnNoteOpened],
})
class ProbeModule {}

const admin = agency('admin', 'lintas-admin', '35');
const office = agency('dinas-sosial', 'dinsos-3507', '3507');
const NIK = '3507014506780002';

let service: ServiceUnderTest;
let dir: string;
let env: Record<string, string>;
let letterId: string;
const eventId = randomUUID();
const personId = randomUUID();

beforeAll(async () => {
  service = await startServiceUnderTest(
    { name: 'probe', defaultPort: 0, module: ProbeModule, description: 'a probe' },
    infra,
  );
  const deadLettered = await NeighbouringServices.open(infra, 'lintas.probe.dead-letters');
  // Its noteId is a NIK, which the contract refuses: a dead letter, `invalid`.
  await deadLettered.publish(NoteOpenedV1, personId, { noteId: NIK, personId }, eventId);
  await eventually(
    async () => deadLettered.published.filter((event) => event.id === eventId),
    (found) => found.length > 0,
    { timeoutMs: 30_000 },
  );
  const identity = await testIdentity();
  dir = await mkdtemp(join(tmpdir(), 'lintas-dead-letters-'));
  await writeFile(join(dir, 'admin-secret'), `${identity.credentialsFor(admin).secret}\n`, { mode: 0o600 });
  await writeFile(join(dir, 'office-secret'), `${identity.credentialsFor(office).secret}\n`, { mode: 0o600 });
  env = {
    LINTAS_IDENTITY_URL: identity.issuer,
    LINTAS_CLIENT_ID: admin.clientId,
    LINTAS_CLIENT_SECRET_FILE: join(dir, 'admin-secret'),
    // `--service intake` finds the service by its variable: here, the probe answers for it.
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
      {
        env: { ...env, ...extraEnv },
        cwd: join(__dirname, '../../../..'),
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('lintas dead-letters', () => {
  it('lists the dead letters of a service named by --service, without their data or key', async () => {
    const listed = await lintas(['--json', 'dead-letters', 'list', '--service', 'intake']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    const page = JSON.parse(listed.stdout);
    expect(page).toMatchObject({ service: 'probe', more: false });
    expect(page.deadLetters).toEqual([
      expect.objectContaining({
        reason: 'invalid',
        detail: '/noteId must match format "uuid"',
        event: expect.objectContaining({ id: eventId, type: NoteOpenedV1.type }),
        redrivenAt: null,
      }),
    ]);
    expect(listed.stdout).not.toContain(NIK);
    expect(listed.stdout).not.toContain(personId);
    letterId = page.deadLetters[0].id;

    const words = await lintas(['dead-letters', 'list', '--service-url', service.url]);
    expect(words.code).toBe(0);
    expect(words.stdout).toContain(`${letterId}  `);
    expect(words.stdout).toContain(`invalid`);
    expect(words.stdout).toContain('waiting');
  });

  it('shows one by the shape of its data, and its data when revealed with a reason', async () => {
    const shown = await lintas(['--json', 'dead-letters', 'show', letterId, '--service-url', service.url]);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id: letterId,
      personId,
      dataShape: { type: 'object', properties: { noteId: { type: 'string' }, personId: { type: 'string' } } },
    });
    expect(shown.stdout).not.toContain(NIK);

    const revealed = await lintas([
      '--json',
      'dead-letters',
      'show',
      letterId,
      '--service-url',
      service.url,
      '--reveal-data',
      '--reason',
      'which note id did they send?',
    ]);
    expect(revealed.code).toBe(0);
    expect(JSON.parse(revealed.stdout).data).toEqual({ noteId: NIK, personId });
  });

  it('sends one again with a reason, and refuses a second time without --force (exit 1)', async () => {
    const redriven = await lintas([
      '--json',
      'dead-letters',
      'redrive',
      letterId,
      '--service',
      'intake',
      '--reason',
      'the probe accepts any note id now',
    ]);
    expect(redriven).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(redriven.stdout)).toMatchObject({
      id: letterId,
      redrivenAt: expect.any(String),
      redrivenBy: { agencyId: admin.agencyId, clientId: admin.clientId },
      redriveReason: 'the probe accepts any note id now',
    });
    // Read again from its topic on Kafka, as wrong as before: dead-lettered again.
    await eventually(
      async () => JSON.parse((await lintas(['--json', 'dead-letters', 'list', '--service', 'intake'])).stdout),
      (page) => page.deadLetters.filter((l: { event: { id: string } }) => l.event.id === eventId).length === 2,
      { timeoutMs: 30_000, everyMs: 500 },
    );

    const again = await lintas(['dead-letters', 'redrive', letterId, '--service', 'intake', '--reason', 'again']);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toMatch(/^lintas: 409 dead letter \d+ was sent again at .*--force sends it again anyway\)\n$/);

    const forced = await lintas([
      'dead-letters',
      'redrive',
      letterId,
      '--service',
      'intake',
      '--reason',
      'again',
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`sent dead letter ${letterId} again to `);
    expect(forced.stdout).toContain(`by ${admin.agencyId} (${admin.clientId}): again`);
  });

  it('exits 1 when the service refuses: an unknown dead letter, an agency that is no admin', async () => {
    const unknown = await lintas(['dead-letters', 'show', '999999999', '--service', 'intake']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('lintas: 404');

    const notAdmin = await lintas(['dead-letters', 'list', '--service', 'intake'], {
      LINTAS_CLIENT_ID: office.clientId,
      LINTAS_CLIENT_SECRET_FILE: join(dir, 'office-secret'),
    });
    expect(notAdmin.code).toBe(1);
  });

  it('exits 2 when used wrongly: no --reason, no service, an unknown one', async () => {
    const noReason = await lintas(['dead-letters', 'redrive', letterId, '--service', 'intake']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("required option '--reason <reason>' not specified");

    const nowhere = await lintas(['dead-letters', 'list']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('--service <name> or --service-url <url>');

    const unknownService = await lintas(['dead-letters', 'list', '--service', 'billing']);
    expect(unknownService.code).toBe(2);
    expect(unknownService.stderr).toContain("argument 'billing' is invalid");

    const reasonAlone = await lintas(['dead-letters', 'show', letterId, '--service', 'intake', '--reason', 'why']);
    expect(reasonAlone.code).toBe(2);
  });
});
