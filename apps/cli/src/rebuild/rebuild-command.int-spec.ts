import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Module } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { EventStore } from '@lintas/event-store/event-store';
import type { RecordedEvent } from '@lintas/event-store/events/event-types';
import { EventStoreModule } from '@lintas/event-store/nest/event-store.module';
import type { Projection } from '@lintas/event-store/subscriptions/projection';
import { agency } from '@lintas/testing/http/agency-client';
import { testIdentity } from '@lintas/testing/identity/test-identity';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { startServiceUnderTest, type ServiceUnderTest } from '@lintas/testing/service/service-under-test';

/**
 * `lintas rebuild` and `lintas projections` as an admin runs them against a service (found by
 * `--service intake`, whose variable points at a probe service here): a read model rebuilt and
 * swapped in, followed with --wait to its digest; refusals (exit 1) and wrong uses (exit 2).
 */
const infra = useRealInfrastructure();
const run = promisify(execFile);
const EVENTS = 300;

/** One row per note: enough of a read model to rebuild. */
class NotesProjection implements Projection {
  readonly name = 'notes';
  constructor(private readonly schema: string) {}
  tables(): string[] {
    return [`CREATE TABLE IF NOT EXISTS ${this.schema}.notes (event_id uuid PRIMARY KEY, stream_id text NOT NULL)`];
  }
  async apply(events: RecordedEvent[], client: PoolClient): Promise<void> {
    await client.query(`INSERT INTO ${this.schema}.notes SELECT * FROM unnest($1::uuid[], $2::text[])`, [
      events.map((e) => e.id),
      events.map((e) => e.streamId),
    ]);
  }
  async reset(client: PoolClient): Promise<void> {
    await client.query(`TRUNCATE ${this.schema}.notes`);
  }
}

@Module({
  imports: [
    EventStoreModule.forService({
      schema: 'probe',
      definitions: [{ type: 'NoteOpened', schemaVersion: 1, personalFields: [] }],
      projections: (schema) => [new NotesProjection(schema)],
    }),
  ],
})
class ProbeModule {}

const admin = agency('admin', 'lintas-admin', '35');

let service: ServiceUnderTest;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  service = await startServiceUnderTest(
    { name: 'probe', defaultPort: 0, module: ProbeModule, description: 'a probe' },
    infra,
    { MESSAGING_TRANSPORT: 'pg-log' },
  );
  const store = service.app.get(EventStore);
  for (let i = 0; i < EVENTS / 10; i += 1) {
    await store.append(
      `note-${randomUUID()}`,
      Array.from({ length: 10 }, () => ({
        type: 'NoteOpened',
        data: { noteId: randomUUID() },
        metadata: {
          occurredAt: new Date().toISOString(),
          correlationId: randomUUID(),
          causationId: null,
          actor: { agencyId: 'dinsos-3507', clientId: 'test' },
        },
      })),
    );
  }
  const identity = await testIdentity();
  dir = await mkdtemp(join(tmpdir(), 'lintas-rebuild-'));
  await writeFile(join(dir, 'admin-secret'), `${identity.credentialsFor(admin).secret}\n`, { mode: 0o600 });
  env = {
    LINTAS_IDENTITY_URL: identity.issuer,
    LINTAS_CLIENT_ID: admin.clientId,
    LINTAS_CLIENT_SECRET_FILE: join(dir, 'admin-secret'),
    LINTAS_INTAKE_URL: service.url,
  };
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function lintas(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '..', 'main.ts'), ...args],
      { env, cwd: join(__dirname, '../../../..') },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('lintas rebuild', () => {
  it('rebuilds a read model and follows it to its digest, as JSON and as progress lines', async () => {
    const json = await lintas(['--json', 'rebuild', 'notes', '--service', 'intake', '--wait', '--every', '50']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const rebuilt = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(rebuilt).toMatchObject({ projection: 'notes', status: 'done', done: EVENTS, total: EVENTS, etaSeconds: 0 });
    expect(rebuilt.digest).toMatch(/^[0-9a-f]{64}$/);

    // Not a terminal here: a plain line per answer, then the summary with the same digest.
    const plain = await lintas(['rebuild', 'notes', '--service', 'intake', '--wait', '--every', '50']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^notes: (running|done) \d+\/\d+ events \(\d+%\), \d+ events\/s, ETA /m);
    expect(plain.stdout).toContain(`rebuilt notes: ${EVENTS} events`);
    expect(plain.stdout).toContain(`digest ${String(rebuilt.digest)}`);
    expect(plain.stdout).toMatch(new RegExp(`notes\\s+${EVENTS} rows`));

    const listed = await lintas(['projections', '--service', 'intake']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^notes\s+at \d+\.\d+\s+0 behind$/m);
  });

  it('starts a rebuild without --wait, and says why a rebuild is refused (1) or wrongly asked (2)', async () => {
    const started = await lintas(['rebuild', 'notes', '--service', 'intake']);
    expect(started.code).toBe(0);
    expect(started.stdout).toMatch(/^rebuild [0-9a-f-]{36} of notes started/);

    const unknown = await lintas(['rebuild', 'no-such-model', '--service', 'intake']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('404 probe has no projection no-such-model');

    const nowhere = await lintas(['rebuild', 'notes']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('--service');
  });
});

describe('lintas rows-at', () => {
  it("shows a read model's rows as they stood at a time, folded again without touching the live ones", async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const late = `note-${randomUUID()}`;
    await service.app.get(EventStore).append(late, [
      {
        type: 'NoteOpened',
        data: { noteId: randomUUID() },
        metadata: {
          occurredAt: new Date().toISOString(),
          correlationId: randomUUID(),
          causationId: null,
          actor: { agencyId: 'dinsos-3507', clientId: 'test' },
        },
      },
    ]);
    const args = ['rows-at', 'notes', '--service', 'intake', '--table', 'notes', '--where', `stream_id=${late}`];
    const then = await lintas(['--json', ...args, '--as-of', before]);
    expect(then.stderr).toBe('');
    expect(JSON.parse(then.stdout)).toMatchObject({ events: EVENTS, rows: [] });
    const now = await lintas(['--json', ...args, '--as-of', new Date().toISOString()]);
    expect(JSON.parse(now.stdout)).toMatchObject({ events: EVENTS + 1, rows: [{ stream_id: late }] });
    const plain = await lintas([...args, '--as-of', new Date().toISOString()]);
    expect(plain.stdout).toMatch(new RegExp(`^notes\\.notes as of .*: 1 rows after ${EVENTS + 1} events`));

    const table = await lintas(['rows-at', 'notes', '--service', 'intake', '--table', 'events', '--as-of', before]);
    expect(table.code).toBe(1);
    expect(table.stderr).toContain('404 notes has no table events');
    const asOf = await lintas(['rows-at', 'notes', '--service', 'intake', '--table', 'notes', '--as-of', 'yesterday']);
    expect(asOf.code).toBe(1);
    expect(asOf.stderr).toContain('400');
    expect((await lintas([...args.slice(0, -2), '--where', 'nothing', '--as-of', before])).code).toBe(2);
  });
});
