import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { verifyCheckpoint, type SignedCheckpoint } from '@lintas/evidence/checkpoint';
import { ledgerLeafHash } from '@lintas/evidence/ledger-entry';
import { verifyConsistency, verifyInclusion } from '@lintas/evidence/merkle/merkle-verify';
import { testIdentity } from '@lintas/testing/identity/test-identity';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { eventually } from '@lintas/testing/eventually';
import { journeyIdentity, prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * The cross-agency ledger, with the four services and the audit service as processes: a journey
 * read back in causal order, with every read of the person's data (and every refusal) among its
 * steps, evidence exported and checked offline by the `lintas` command as an admin runs it, and a
 * rewrite of the ledger by SQL caught by its signed checkpoints.
 */
const infra = useRealInfrastructure();
const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', '..', 'bin', 'lintas.js');
let lintas: RunningLintas;
let person: PersonJourney;
let dir: string;
let cliEnv: Record<string, string>;

interface Step {
  eventId: string;
  personId: string;
  causationId: string | null;
  type: string;
  source: string;
  stage: string;
  occurredAt: string;
  recordedAt: string;
  actor: { agencyId: string | null };
  data: unknown;
}

/** An access record's data, as the trail shows it (id.lintas.<service>.access.recorded.v1). */
interface AccessData {
  outcome: 'granted' | 'refused';
  status: number;
  route: string;
  fields: string[];
}

/** The journey's own steps: the reads of the person's data (stage `access`) aside. */
const journeyOf = (steps: Step[]) => steps.filter((step) => step.stage !== 'access');

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra, {
    withAudit: true,
    env: { LEDGER_CHECKPOINT_SECONDS: '1', VERIFY_EVERY_SECONDS: '10' },
  });
  await prepareJourneys(lintas.world);
  person = await new PersonJourney(lintas.world).mainPath(journeyIdentity('Wahyuni'));
  const identity = await testIdentity();
  const admin = identity.credentialsFor(AGENCIES.admin);
  dir = await mkdtemp(join(tmpdir(), 'lintas-ledger-'));
  await writeFile(join(dir, 'admin-secret'), `${admin.secret}\n`, { mode: 0o600 });
  cliEnv = {
    LINTAS_IDENTITY_URL: identity.issuer,
    LINTAS_AUDIT_URL: lintas.world.urls.audit ?? '',
    LINTAS_CLIENT_ID: admin.clientId,
    LINTAS_CLIENT_SECRET_FILE: join(dir, 'admin-secret'),
  };
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...cliEnv },
      cwd: dir,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const trail = () =>
  eventually(
    () => lintas.world.audit('admin').get(`/persons/${person.personId}/trail`),
    (reply) => reply.body.steps?.some((step: Step) => step.type === 'id.lintas.family-reunification.case.closed.v1'),
    { timeoutMs: 60_000 },
  );

it('reads a journey across the four services back from the ledger, causes before effects', async () => {
  const steps = (await trail()).body.steps as Step[];
  expect(new Set(journeyOf(steps).map((step) => step.stage))).toEqual(
    new Set(['intake', 'treatment', 'rehabilitation', 'reunification']),
  );
  // The offices' reads of the person's data during the journey are steps too, stage `access`.
  for (const step of steps)
    expect(['intake', 'treatment', 'rehabilitation', 'reunification', 'access']).toContain(step.stage);
  const at = new Map(steps.map((step, index) => [step.eventId, index]));
  const caused = steps.filter((step) => step.causationId !== null && at.has(step.causationId));
  // The journey's hand-overs are reactions: several steps have their cause in the trail.
  expect(caused.length).toBeGreaterThanOrEqual(2);
  for (const step of caused) expect(at.get(step.causationId as string)).toBeLessThan(at.get(step.eventId) as number);
  expect(steps[0]?.type).toBe('id.lintas.intake.pickup.reported.v1');
  for (const step of steps) expect(step.actor.agencyId).toEqual(expect.any(String));
  expect(steps.map((step) => step.actor.agencyId)).toContain(AGENCIES.rsjLawang.agencyId);

  const before = await lintas.world
    .audit('admin')
    .get(`/persons/${person.personId}/trail?asOf=${encodeURIComponent(steps[2]?.occurredAt ?? '')}`);
  expect(before.body.steps.length).toBeLessThan(steps.length);
  // The office that dealt with the person follows them; an office that never did finds no such person.
  expect((await lintas.world.audit('dinsosMalang').get(`/persons/${person.personId}/trail`)).status).toBe(200);
  expect((await lintas.world.audit('dinsosKediri').get(`/persons/${person.personId}/trail`)).status).toBe(404);
  expect((await lintas.world.audit('rsjLawang').get(`/persons/${person.personId}/trail`)).status).toBe(403);
});

it('answers as of a point in time: the case before it was identified, where the person stood then', async () => {
  const steps = (await trail()).body.steps as Step[];
  const identified = steps.find((step) => step.type === 'id.lintas.intake.person.identified.v1');
  const before = new Date(Date.parse(identified?.occurredAt ?? '') - 1).toISOString();
  const office = lintas.world.intake('dinsosMalang');
  expect((await office.get(`/cases/${person.caseId}`)).body.identity).toMatchObject({ name: 'Wahyuni' });
  const then = await office.get(`/cases/${person.caseId}?asOf=${encodeURIComponent(before)}`);
  expect(then.status).toBe(200);
  expect(then.body.identity).toBeNull();
  expect(then.body.version).toBeLessThan((await office.get(`/cases/${person.caseId}`)).body.version);
  expect((await office.get(`/cases/${person.caseId}?asOf=yesterday`)).status).toBe(400);

  // The ledger's own clock: what it had recorded before the identification reached it.
  const ledgerBefore = new Date(Date.parse(identified?.recordedAt ?? '') - 1).toISOString();
  const standing = await cli(['--json', 'state-at', person.personId, '--as-of', ledgerBefore]);
  expect(standing.code).toBe(0);
  expect(JSON.parse(standing.stdout).standing).toMatchObject({ stage: 'intake' });
  // Each read above is a step of the trail now: the command and the trail agree as of one moment,
  // and where the person stood is the journey's last step, not the last read.
  const moment = new Date(Date.now() - 1_000).toISOString();
  const held = (
    await lintas.world.audit('admin').get(`/persons/${person.personId}/trail?asOf=${encodeURIComponent(moment)}`)
  ).body.steps as Step[];
  const now = await cli(['--json', 'state-at', person.personId, '--as-of', moment]);
  expect(JSON.parse(now.stdout)).toMatchObject({
    steps: held.length,
    standing: { lastStep: journeyOf(held).at(-1)?.type },
  });
  expect(journeyOf(held).at(-1)?.type).toBe('id.lintas.family-reunification.case.closed.v1');
});

it("keeps every read of the person's data in their trail, and every refusal: by whom, which route, which fields", async () => {
  const malang = AGENCIES.dinsosMalang.agencyId;
  const kediri = AGENCIES.dinsosKediri.agencyId;
  expect((await lintas.world.intake('dinsosMalang').get(`/cases/${person.caseId}`)).status).toBe(200);
  expect((await lintas.world.intake('dinsosKediri').get(`/persons/${person.personId}/journey`)).status).toBe(404);
  const isRead = (step: Step) => step.actor.agencyId === malang && (step.data as AccessData).route === '/cases/:caseId';
  const isRefusal = (step: Step) =>
    step.actor.agencyId === kediri && (step.data as AccessData).route === '/persons/:personId/journey';
  const reply = await eventually(
    () => lintas.world.audit('admin').get(`/persons/${person.personId}/trail`),
    (r) => (r.body.steps as Step[] | undefined)?.some(isRefusal) === true,
    { timeoutMs: 60_000 },
  );
  const steps = reply.body.steps as Step[];
  const read = steps.findLast(isRead);
  expect(read).toMatchObject({
    type: 'id.lintas.intake.access.recorded.v1',
    source: '/lintas/intake',
    stage: 'access',
    personId: person.personId,
    causationId: null,
    data: {
      outcome: 'granted',
      status: 200,
      method: 'GET',
      route: '/cases/:caseId',
      params: { caseId: person.caseId },
      personIds: [person.personId],
      agencyId: malang,
      agencyKind: 'dinas-sosial',
    },
  });
  expect((read?.data as AccessData).fields).toEqual(expect.arrayContaining(['identity.name']));
  expect(steps.find(isRefusal)).toMatchObject({
    type: 'id.lintas.intake.access.recorded.v1',
    stage: 'access',
    personId: person.personId,
    data: { outcome: 'refused', status: 404, reason: 'person.not-found', personIds: [person.personId], fields: [] },
  });
  // Reads by the journey's own agencies are there as well, in the other services too.
  expect(new Set(steps.filter((step) => step.stage === 'access').map((step) => step.source)).size).toBeGreaterThan(1);
  // Placed by time: after the journey's end, which it read; the standing stays the journey's.
  const closed = steps.findIndex((step) => step.type === 'id.lintas.family-reunification.case.closed.v1');
  expect(steps.indexOf(read as Step)).toBeGreaterThan(closed);
  expect(reply.body.standing).toMatchObject({ lastStep: 'id.lintas.family-reunification.case.closed.v1' });
  // Ids and field names: nothing of what the person is.
  expect(JSON.stringify(steps)).not.toContain('Wahyuni');

  // The evidence bundle holds it like any entry, proven in the signed tree.
  const bundle = await eventually(
    () => lintas.world.audit('admin').get(`/persons/${person.personId}/evidence-bundle`),
    (r) =>
      (r.body.entries as { entry: { eventId: string } }[] | undefined)?.some(
        (e) => e.entry.eventId === read?.eventId,
      ) === true,
    { timeoutMs: 30_000 },
  );
  const entry = (bundle.body.entries as { entry: { eventId: string; personId: string; type: string } }[]).find(
    (e) => e.entry.eventId === read?.eventId,
  );
  expect(entry?.entry).toMatchObject({ personId: person.personId, type: 'id.lintas.intake.access.recorded.v1' });
});

it('exports evidence that the lintas command verifies offline, and names what a changed bundle breaks', async () => {
  await trail();
  const exported = await cli(['--json', 'trail', 'export', person.personId, '-o', 'bundle.json']);
  expect(exported).toMatchObject({ code: 0 });
  expect(JSON.parse(exported.stdout)).toMatchObject({ file: 'bundle.json', entries: expect.any(Number) });
  const good = await cli(['--json', 'trail', 'verify-bundle', 'bundle.json']);
  expect(good.code).toBe(0);
  expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, failures: [] });

  const bundle = JSON.parse(await readFile(join(dir, 'bundle.json'), 'utf8'));
  const variants: Record<string, (b: typeof bundle) => void> = {
    'entry-altered': (b) => (b.entries[1].entry.time = b.entries[1].entry.time.replace(/.$/, 'X')),
    'entry-missing': (b) => b.entries.splice(2, 1),
    'entry-out-of-order': (b) => b.entries.splice(1, 2, b.entries[2], b.entries[1]),
  };
  for (const [kind, change] of Object.entries(variants)) {
    const copy = structuredClone(bundle);
    change(copy);
    await writeFile(join(dir, `${kind}.json`), JSON.stringify(copy));
    const checked = await cli(['--json', 'trail', 'verify-bundle', `${kind}.json`]);
    expect({ kind, code: checked.code }).toEqual({ kind, code: 1 });
    expect(JSON.parse(checked.stdout).failures.map((f: { kind: string }) => f.kind)).toContain(kind);
  }
  // Whoever holds one entry gets its own proof from the public ledger, by the entry's leaf hash.
  const held = bundle.entries[1];
  const { treeSize, rootHash } = bundle.checkpoint.checkpoint;
  const leaf = ledgerLeafHash(held.entry);
  const ledgerUrl = `${lintas.world.urls.audit}/ledger/inclusion-proof`;
  const answer = await fetch(
    `${ledgerUrl}?leafHash=${encodeURIComponent(leaf.toString('base64'))}&treeSize=${treeSize}`,
  );
  expect(answer.status).toBe(200);
  const proof = (await answer.json()) as { leafIndex: number; treeSize: number; proof: string[] };
  expect(proof.leafIndex).toBe(held.index);
  const path = proof.proof.map((hash) => Buffer.from(hash, 'base64'));
  expect(verifyInclusion(leaf, proof.leafIndex, treeSize, path, Buffer.from(rootHash, 'base64'))).toBe(true);
  const unknownLeaf = Buffer.alloc(32, 7).toString('base64');
  expect((await fetch(`${ledgerUrl}?leafHash=${encodeURIComponent(unknownLeaf)}&treeSize=${treeSize}`)).status).toBe(
    404,
  );

  const human = await cli(['trail', 'verify-bundle', 'entry-missing.json']);
  expect(human.stdout).toMatch(/^FAILED/);
  expect((await cli(['trail', 'verify-bundle', 'no-such-file.json'])).code).toBe(2);
  expect((await cli(['trail', 'verify-bundle'])).code).toBe(2);
});

it("verifies every service's store on its schedule, with its own client's token, and records each outcome", async () => {
  const sql = infra.createPool({ max: 1 });
  const scheduled = async () =>
    (
      await sql.query<{ subject: string; ok: boolean; checked: number }>(
        `SELECT DISTINCT ON (data->>'subject') data->>'subject' AS subject, (data->>'ok')::boolean AS ok,
                (data->>'checked')::int AS checked
           FROM audit.events
          WHERE type = 'VerificationRecorded' AND data->>'trigger' = 'schedule'
          ORDER BY data->>'subject', transaction_id DESC, sequence DESC`,
      )
    ).rows;
  const deadline = Date.now() + 40_000;
  while ((await scheduled()).length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1_000));
  const outcomes = await scheduled();
  expect(outcomes.map((o) => o.subject).sort()).toEqual(
    ['audit', 'family-reunification', 'health-liaison', 'intake', 'ledger', 'rehabilitation'].sort(),
  );
  for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: true });
  // The journey's events were there to check, in each domain service's store.
  expect(outcomes.find((o) => o.subject === 'intake')?.checked).toBeGreaterThan(0);
}, 60_000);

it('catches a rewrite of the ledger by SQL: the signed checkpoints no longer match, nor does a copy held outside', async () => {
  await trail();
  const audit = lintas.world.audit('admin');
  const held = await eventually(
    () =>
      fetch(`${lintas.world.urls.audit}/ledger/checkpoints/latest`).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as SignedCheckpoint,
      })),
    (reply) => reply.status === 200,
  );
  const key = (await (await fetch(`${lintas.world.urls.audit}/ledger/public-key`)).json()) as { jwk: JsonWebKey };
  const publicKey = createPublicKey({ key: key.jwk, format: 'jwk' });
  expect(verifyCheckpoint(held.body, publicKey)).toBe(true);
  const clean = await cli(['--json', 'verify', '--reason', 'before the test tampers']);
  expect(clean.code).toBe(0);
  const subjects = JSON.parse(clean.stdout).results.map((r: { subject: string; ok: boolean }) => [r.subject, r.ok]);
  expect(new Map(subjects)).toEqual(
    new Map(
      ['audit', 'ledger', 'intake', 'health-liaison', 'rehabilitation', 'family-reunification'].map((s) => [s, true]),
    ),
  );
  const ledgerOutcome = async () =>
    (
      (await audit.post('/verifications', { reason: 'tamper test' })).body.results as {
        subject: string;
        ok: boolean;
        breaks: { kind: string }[];
      }[]
    ).find((r) => r.subject === 'ledger');

  // The tamperer changes the assessment's decision in the ledger and rebuilds the tree from it.
  const sql = infra.createPool({ max: 1 });
  const { rowCount } = await sql.query(
    `UPDATE audit.events SET data = jsonb_set(data::jsonb, '{data,decision}', '"home"')::json
      WHERE type = 'LedgerEntryRecorded' AND data->>'type' = 'id.lintas.intake.assessment.completed.v1'
        AND metadata->>'personId' = $1`,
    [person.personId],
  );
  expect(rowCount).toBe(1);
  const altered = await ledgerOutcome();
  expect(altered?.ok).toBe(false);
  expect(altered?.breaks).toContainEqual(
    expect.objectContaining({ kind: 'leaf-mismatch', leafIndex: expect.any(Number) }),
  );
  const failing = await cli(['verify']);
  expect(failing.code).toBe(1);
  expect(failing.stdout).toMatch(/leaf-mismatch \(.*leaf \d+\)/);

  await sql.query('BEGIN');
  await sql.query(`TRUNCATE audit.ledger_leaves, audit.ledger_nodes, audit.ledger_frontier`);
  await sql.query(`UPDATE audit.checkpoints SET transaction_id = '0', sequence = 0 WHERE name = 'ledger-tree'`);
  await sql.query('COMMIT');
  const rebuilt = await eventually(
    ledgerOutcome,
    (outcome) => outcome?.breaks.some((b) => b.kind === 'checkpoint-root-mismatch') === true,
    { timeoutMs: 30_000 },
  );
  expect(rebuilt?.breaks.some((b) => b.kind === 'leaf-mismatch')).toBe(false);

  // The tree grows on; the ledger refuses to sign a tree that does not extend its last checkpoint,
  // and the copy held outside shows why: the rebuilt tree is not an extension of it.
  await new PersonJourney(lintas.world).pickedUp();
  const size = held.body.checkpoint.treeSize;
  const head = await eventually(
    () =>
      fetch(`${lintas.world.urls.audit}/ledger/tree-head`).then(
        (r) => r.json() as Promise<{ treeSize: number; rootHash: string }>,
      ),
    (tree) => tree.treeSize > size,
    { timeoutMs: 30_000 },
  );
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const latest = (await (
    await fetch(`${lintas.world.urls.audit}/ledger/checkpoints/latest`)
  ).json()) as SignedCheckpoint;
  expect(latest.checkpoint).toEqual(held.body.checkpoint);
  const proof = (await (
    await fetch(`${lintas.world.urls.audit}/ledger/consistency-proof?first=${size}&second=${head.treeSize}`)
  ).json()) as { proof: string[] };
  expect(
    verifyConsistency(
      size,
      head.treeSize,
      proof.proof.map((p) => Buffer.from(p, 'base64')),
      Buffer.from(held.body.checkpoint.rootHash, 'base64'),
      Buffer.from(head.rootHash, 'base64'),
    ),
  ).toBe(false);
}, 180_000);
