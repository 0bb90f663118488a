import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@lintas/testing/eventually';
import { AGENCIES, JourneyWorld } from '@lintas/testing/journey/journey-world';
import { nikFor, PersonJourney } from '@lintas/testing/journey/person-journey';
import { testIdentity } from '@lintas/testing/identity/test-identity';
import { freePortRange } from '@lintas/testing/infra/free-port';
import { guardChild } from '@lintas/testing/infra/process-guardian';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * What `npm start` runs (after its build): every service on embedded defaults, with the
 * PostgreSQL log carrying the hand-overs instead of Kafka. A person reaches the RSJ through it.
 * Its own identity provider and embedded PostgreSQL: npm-start-keeps-its-data.e2e-spec.ts.
 */
const infra = useRealInfrastructure();
const ROOT = join(__dirname, '..', '..', '..');
let home: string;
/** The five services and the console. */
const PORTS_USED = 6;

/** `npm start`'s own command, without npm: one process, as package.json runs it. */
const START: [string, string[]] = [
  join(ROOT, 'node_modules', '.bin', 'node'),
  ['--import', 'tsx', join(ROOT, 'scripts', 'start.ts')],
];

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'lintas-home-'));
  infra.defer(() => rm(home, { recursive: true, force: true }));
});

it('runs every service on the PostgreSQL log, and a hand-over crosses from intake to the RSJ', async () => {
  const basePort = await freePortRange(PORTS_USED);
  const launcher = spawn(...START, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: infra.databaseUrl,
      // Its own folder: the developer's .lintas/ is not the test's.
      LINTAS_HOME: home,
      LINTAS_BASE_PORT: String(basePort),
      LOG_LEVEL: 'warn',
      // The journey's agencies are clients of the test's identity provider.
      ...(await testIdentity()).serviceSettings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (launcher.pid !== undefined) guardChild(launcher.pid);
  const output: string[] = [];
  launcher.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  launcher.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const closed = new Promise<number | null>((resolve) => launcher.once('close', resolve));
  try {
    const url = (offset: number) => `http://127.0.0.1:${basePort + offset}`;
    for (const offset of [0, 1, 2, 3, 4]) {
      const ready = await eventually(
        () =>
          fetch(`${url(offset)}/health/ready`).then(
            (r) => r.json() as Promise<{ status: string; checks: object }>,
            () => undefined,
          ),
        (body) => body?.status === 'ready',
        { timeoutMs: 60_000, everyMs: 200 },
      );
      expect(Object.keys(ready?.checks ?? {})).toEqual(['postgres']);
    }
    const world = new JourneyWorld({
      intake: url(0),
      healthLiaison: url(1),
      rehabilitation: url(2),
      familyReunification: url(3),
    });
    const person = new PersonJourney(world);
    await person.pickedUp();
    await person.handedOver();
    await person.registered();
    await person.identified({ name: 'Ani', birthDate: '1990-05-05', nik: nikFor('1990-05-05', 1) });
    await person.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
    await person.referralArrived();
    await person.rsj('rsjLawang', 'accept');
    const journeys = await eventually(
      () => world.journeys(person.personId),
      (j) => j.healthLiaison.length === 2,
    );
    expect(journeys.healthLiaison).toEqual(['RsjReferralRequested', 'RsjReferralAccepted']);
  } catch (error) {
    process.stdout.write(output.join(''));
    throw error;
  } finally {
    launcher.kill('SIGTERM');
    expect(await closed).toBe(0);
  }
}, 120_000);
