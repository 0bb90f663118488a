import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually, eventuallyExpect } from '@lintas/testing/eventually';
import { testIdentity } from '@lintas/testing/identity/test-identity';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { journeyIdentity, prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * Erasure under UU 27/2022, across the four services as separate processes: an admin erases a
 * person whose path went through all of them; every service destroys its key, every personal
 * field reads as erased, the erasure is a step of the person's journey, and every store's chains
 * and signed seals still verify, as each service reports to an admin.
 */
const infra = useRealInfrastructure();
let lintas: RunningLintas;
const SCHEMAS = ['intake', 'health_liaison', 'rehabilitation', 'family_reunification'];

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra);
  await prepareJourneys(lintas.world);
}, 120_000);

it('reads as erased everywhere once an admin erases a person, and every chain still verifies', async () => {
  const world = lintas.world;
  const person = await new PersonJourney(world).mainPath(journeyIdentity('Sulastri'));
  const sql = infra.createPool({ max: 2 });
  const caseView = () => world.intake('dinsosMalang').get(`/cases/${person.caseId}`);
  const referralView = () => world.healthLiaison('dinsosMalang').get(`/referrals/${person.referralId}`);
  expect((await caseView()).body.identity.name).toBe('Sulastri');
  expect((await referralView()).body.admission.hospitalRecordNumber).toMatch(/^RM-/);

  const erasure = { ground: 'data-subject-request', legalBasis: 'UU 27/2022 Pasal 8' };
  expect((await world.intake('dinsosMalang').post(`/persons/${person.personId}/erasure`, erasure)).status).toBe(403);
  // The admin erases from the command line, as one would.
  const erase = () =>
    lintasCli(['--json', 'erase', person.personId, '--ground', erasure.ground, '--legal-basis', erasure.legalBasis], {
      LINTAS_INTAKE_URL: world.urls.intake,
    });
  const erased = await erase();
  expect(erased.code).toBe(0);
  expect(JSON.parse(erased.stdout)).toMatchObject({ id: expect.any(String), position: expect.any(String) });

  // Each service destroys its own key when the erasure reaches it.
  await eventuallyExpect(
    async () =>
      Promise.all(
        SCHEMAS.map(async (schema) => {
          const { rows } = await sql.query<{ destroyed: boolean }>(
            `SELECT destroyed_at IS NOT NULL AS destroyed FROM ${schema}_keys.person_keys WHERE person_id = $1`,
            [person.personId],
          );
          return [schema, rows[0]?.destroyed] as const;
        }),
      ),
    (keys) => expect(keys).toEqual(SCHEMAS.map((schema) => [schema, true])),
    { timeoutMs: 30_000 },
  );
  const gone = { $erased: true };
  const view = (await caseView()).body;
  expect(view.identity).toMatchObject({ name: gone, nik: gone, birthDate: gone });
  expect((await world.intake('satpolMalang').get(`/pickups/${person.pickupId}`)).body.report.location.text).toEqual(
    gone,
  );
  const referral = (await referralView()).body;
  expect(referral.admission.hospitalRecordNumber).toEqual(gone);
  expect(referral.discharge.medicationPlan).toEqual(gone);
  const journey = await eventually(
    () => world.intake('admin').get(`/persons/${person.personId}/journey`),
    (reply) => reply.body.steps?.some((step: { type: string }) => step.type === 'PersonErased'),
  );
  expect(journey.body.steps.at(-1)).toMatchObject({ type: 'PersonErased', agencyId: 'lintas-admin' });
  expect((await world.intake('admin').post(`/persons/${person.personId}/erasure`, erasure)).status).toBe(409);
  const again = await erase();
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('409');

  const admins = [
    world.intake('admin'),
    world.healthLiaison('admin'),
    world.rehabilitation('admin'),
    world.familyReunification('admin'),
  ];
  for (const [index, admin] of admins.entries()) {
    const verified = await admin.post('/admin/store-verifications', {});
    expect({ status: verified.status, ...verified.body }).toMatchObject({
      status: 200,
      schema: SCHEMAS[index],
      ok: true,
      breaks: [],
    });
  }
}, 180_000);

/** The `lintas` command as an admin runs it, with the test's admin client. */
async function lintasCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const identity = await testIdentity();
  const admin = identity.credentialsFor(AGENCIES.admin);
  const dir = await mkdtemp(join(tmpdir(), 'lintas-erase-'));
  await writeFile(join(dir, 'secret'), admin.secret, { mode: 0o600 });
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(__dirname, '..', '..', '..', 'bin', 'lintas.js'), ...args],
      {
        env: {
          ...process.env,
          ...env,
          LINTAS_IDENTITY_URL: identity.issuer,
          LINTAS_CLIENT_ID: admin.clientId,
          LINTAS_CLIENT_SECRET_FILE: join(dir, 'secret'),
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
