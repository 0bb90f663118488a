import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { eventually } from '@lintas/testing/eventually';
import { agency, AgencyClient, type Reply } from '@lintas/testing/http/agency-client';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { journeyIdentity, prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { sampleBody, sampleQuery } from './request-samples';

/**
 * The least-privilege matrix, called for real: every route of the four journey services (as their
 * own OpenAPI documents list them, so a new route is in the matrix the day it is added) × every
 * agency kind, once as the agencies a scene's person passed through and once as the same kinds
 * elsewhere (another kabupaten, another province, another RSJ, another panti). What each call must
 * get follows from two rules written here, not from what the services answer:
 *   - the route's `@Allow` kinds (as the document carries them): any other kind gets 403;
 *   - the objects it names (in its path or its body): only their parties and admins get through;
 *     to anyone else of an allowed kind the object does not exist (404; a list keyed by it is
 *     empty). A panti is a public institution: another panti is refused (403), not kept unaware;
 *   - a pickup is reported where it happened: a field unit of another region is refused (403);
 *   - a provincial office reads, never writes, what the panti it supervises (its UPT, named in its
 *     token's `supervised_agencies`) reads of a placement addressed to that panti;
 *   - break-the-glass is open to every kind the route allows, party or not (that is its point).
 * A call that gets through must succeed: a read answers 200 (a list shows others none of the
 * scene), a write 2xx, or, where the scene's object has moved on, a refusal about its state
 * (409/412/422) — past every access check, before any change.
 */
const infra = useRealInfrastructure();
let lintas: RunningLintas;

type Role = 'satpol' | 'polri' | 'dinsos' | 'provinsi' | 'rsj' | 'panti' | 'admin';
interface Caller {
  role: Role;
  where: 'scene' | 'elsewhere';
  actor: AgencyActor;
}

/**
 * The register's parent offices, as the tokens carry them: the scene's panti is a UPT of Jawa
 * Timur's office; Jawa Tengah's office has a UPT of its own; the Surabaya panti is the kota's.
 */
const PROVINCE = {
  ...agency('dinas-sosial-provinsi', 'dinsos-prov-35', '35'),
  supervises: [AGENCIES.pantiKediri.agencyId],
};
const OTHER_PROVINCE = {
  ...agency('dinas-sosial-provinsi', 'dinsos-prov-33', '33'),
  supervises: ['panti-among-jiwa-semarang'],
};
const KOTA_PANTI = agency('panti', 'panti-bina-laras-surabaya', '3578');

const CALLERS: Caller[] = [
  { role: 'satpol', where: 'scene', actor: AGENCIES.satpolMalang },
  { role: 'polri', where: 'scene', actor: agency('polri', 'polres-malang', '3507') },
  { role: 'dinsos', where: 'scene', actor: AGENCIES.dinsosMalang },
  { role: 'provinsi', where: 'scene', actor: PROVINCE },
  { role: 'rsj', where: 'scene', actor: AGENCIES.rsjLawang },
  { role: 'panti', where: 'scene', actor: AGENCIES.pantiKediri },
  { role: 'admin', where: 'scene', actor: AGENCIES.admin },
  { role: 'satpol', where: 'elsewhere', actor: agency('satpol-pp', 'satpolpp-3578', '3578') },
  { role: 'polri', where: 'elsewhere', actor: agency('polri', 'polrestabes-surabaya', '3578') },
  {
    role: 'dinsos',
    where: 'elsewhere',
    actor: { ...agency('dinas-sosial', 'dinsos-3578', '3578'), supervises: [KOTA_PANTI.agencyId] },
  },
  { role: 'provinsi', where: 'elsewhere', actor: OTHER_PROVINCE },
  { role: 'rsj', where: 'elsewhere', actor: AGENCIES.rsjMenur },
  { role: 'panti', where: 'elsewhere', actor: KOTA_PANTI },
];

const SERVICES = [
  { name: 'intake', url: () => lintas.world.urls.intake },
  { name: 'health-liaison', url: () => lintas.world.urls.healthLiaison },
  { name: 'rehabilitation', url: () => lintas.world.urls.rehabilitation },
  { name: 'family-reunification', url: () => lintas.world.urls.familyReunification },
] as const;
type ServiceName = (typeof SERVICES)[number]['name'];

/**
 * The scene: person A waits at the RSJ (referral requested), person B lives in the panti, person C
 * is being returned home. Each service's objects, and who their parties are.
 */
interface Scene {
  ids: Record<ServiceName, Record<string, string>>;
  parties: Record<ServiceName, Record<string, string[]>>;
  /** Every id of the scene: a list answered to a non-party must hold none of them. */
  all: string[];
}
let scene: Scene;

async function buildScene(): Promise<Scene> {
  const world = lintas.world;
  await prepareJourneys(world);
  const a = new PersonJourney(world);
  await a.pickedUp();
  await a.handedOver();
  await a.registered();
  await a.identified(journeyIdentity('Ratna'));
  await a.consented();
  await a.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
  await a.referralArrived();

  const b = new PersonJourney(world);
  await b.pickedUp();
  await b.handedOver();
  await b.registered();
  await b.identified(journeyIdentity('Sumarni'));
  await b.consented();
  await b.assessed('panti', { pantiId: AGENCIES.pantiKediri.agencyId });
  await b.placementArrived();
  await b.panti('admit', {});

  const c = new PersonJourney(world);
  await c.pickedUp();
  await c.handedOver();
  await c.registered();
  await c.identified(journeyIdentity('Tarmini'));
  await c.consented();
  await c.assessed('home');
  await c.reunificationArrived();

  const office = AGENCIES.dinsosMalang.agencyId;
  const panti = AGENCIES.pantiKediri.agencyId;
  // Person D, just registered, is the one an RSJ elsewhere takes emergency access to: the review's object.
  const d = new PersonJourney(world);
  await d.pickedUp();
  await d.handedOver();
  await d.registered();
  await eventually(
    () => world.intake('dinsosMalang').get('/work-queues/caseload'),
    (reply) => JSON.stringify(reply.body).includes(d.caseId),
  );
  const emergency = await world
    .intake('rsjMenur')
    .post(`/persons/${d.personId}/emergency-access`, { reason: 'brought to our emergency room at night' });
  expect(emergency.status).toBe(201);

  // A family's tracing request through the police, owned by the office, for whom A (Ratna) is proposed.
  const ratna = journeyIdentity('Ratna');
  const traced = await new AgencyClient(world.urls.intake, agency('polri', 'polres-malang', '3507')).post(
    '/tracing-requests',
    {
      channel: 'police',
      officeId: office,
      requester: { name: 'Sri', relation: 'kakak', contact: '0812-1111-2222' },
      sought: { names: [ratna.name], nik: ratna.nik, birthDate: ratna.birthDate, sex: 'female' },
      lastSeen: { regionCode: '3507', on: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) },
    },
  );
  expect(traced.status).toBe(201);
  await eventually(
    () => world.intake('dinsosMalang').get('/work-queues/tracing-matches'),
    (reply) => JSON.stringify(reply.body).includes(a.personId),
    { timeoutMs: 30_000 },
  );
  // A complaint the office records for C's family about its own delay: it files and answers it.
  const complained = await world.familyReunification('dinsosMalang').post('/complaints', {
    kind: 'delay',
    subject: { type: 'case', id: c.caseId },
    channel: 'office',
    text: 'belum ada kabar kapan pulang',
    routedTo: office,
    personId: c.personId,
  });
  expect(complained.status).toBe(201);

  await everyServiceKnows(a.personId, [world.urls.intake, world.urls.healthLiaison]);
  // RSJ Lawang's webhook subscription, as FHIR bundles so that the FHIR Subscription routes find it
  // too: the object of the subscription routes (nothing listens there).
  const subscribed = await world
    .healthLiaison('rsjLawang')
    .post('/webhook-subscriptions', { url: 'http://127.0.0.1:9/lintas-matrix', payloadForm: 'fhir-bundle' });
  expect(subscribed.status).toBe(201);
  await everyServiceKnows(b.personId, [world.urls.rehabilitation]);
  await everyServiceKnows(c.personId, [world.urls.familyReunification]);
  return {
    ids: {
      intake: {
        pickupId: a.pickupId,
        caseId: a.caseId,
        personId: a.personId,
        accessId: emergency.body.id as string,
        tracingRequestId: traced.body.id as string,
      },
      'health-liaison': {
        referralId: a.referralId,
        caseId: a.caseId,
        personId: a.personId,
        subscriptionId: subscribed.body.id as string,
      },
      rehabilitation: { placementId: b.placementId, caseId: b.caseId, personId: b.personId, pantiId: panti },
      'family-reunification': {
        reunificationId: c.reunificationId,
        caseId: c.caseId,
        personId: c.personId,
        visit: '1',
        complaintId: complained.body.id as string,
      },
    },
    parties: {
      intake: {
        pickupId: [AGENCIES.satpolMalang.agencyId, office],
        caseId: [office],
        personId: [office],
        // D was picked up in Malang: its office reviews the access (an admin may too).
        accessId: [office],
        // The family came to the police; the office owns the request. A candidate is the office's alone.
        tracingRequestId: [office, 'polres-malang'],
      },
      'health-liaison': {
        referralId: [office, AGENCIES.rsjLawang.agencyId],
        caseId: [office],
        personId: [office],
        subscriptionId: [AGENCIES.rsjLawang.agencyId],
      },
      // The RSJ is the one the matrix's own relapse call sends the resident to.
      rehabilitation: {
        placementId: [office, panti, AGENCIES.rsjLawang.agencyId],
        caseId: [office],
        personId: [office],
        pantiId: [panti],
      },
      'family-reunification': {
        reunificationId: [office],
        caseId: [office],
        personId: [office],
        visit: [office],
        complaintId: [office],
      },
    },
    all: [a, b, c].flatMap((p) => [p.personId, p.caseId, p.pickupId]),
  };
}

/** Read models catch up in their own time: the matrix starts once the office can read each person. */
async function everyServiceKnows(personId: string, urls: string[]): Promise<void> {
  for (const url of urls) {
    await eventually(
      () => new AgencyClient(url, AGENCIES.dinsosMalang).get(`/persons/${personId}/journey`),
      (reply) => reply.status === 200,
      { timeoutMs: 30_000 },
    );
  }
}

/** Values a body's fields take by name, besides the scene's ids: the agencies a request names. */
const NAMED_IN_BODIES: Record<string, string> = {
  officeId: AGENCIES.dinsosMalang.agencyId,
  toOfficeId: AGENCIES.dinsosKediri.agencyId,
  rsjId: AGENCIES.rsjLawang.agencyId,
  toRsjId: AGENCIES.rsjMenur.agencyId,
  pantiId: AGENCIES.pantiKediri.agencyId,
  regionCode: '3507',
};
const REVIEWER = { 'x-lintas-user': 'matrix-reviewer' };

/** The scene's objects a body may name: only these have parties (an RSJ or panti named in a body is a target). */
const OWNED = ['pickupId', 'caseId', 'personId', 'referralId', 'placementId', 'reunificationId', 'tracingRequestId'];

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra);
  scene = await buildScene();
}, 180_000);

type AllowedOperation = OperationObject & { 'x-lintas-allowed-agency-kinds'?: string[] };

interface Call {
  service: ServiceName;
  method: 'get' | 'post';
  route: string;
  caller: Caller;
  expected: Expected;
  got: number;
  finding?: string;
}

type Expected = 'through' | 403 | 404;
const ROLE_ORDER: Role[] = ['rsj', 'panti', 'satpol', 'polri', 'provinsi', 'dinsos', 'admin'];

function expectation(
  service: ServiceName,
  method: string,
  path: string,
  operation: AllowedOperation,
  named: string[],
  caller: Caller,
): Expected {
  const { actor } = caller;
  if (!(operation['x-lintas-allowed-agency-kinds'] ?? []).includes(actor.kind)) return 403;
  // The scene names no dead letter and no projection: one asked for by id or name does not exist, for the admin too.
  if (path.startsWith('/admin/dead-letters/') || path.startsWith('/admin/projections/{name}')) return 404;
  if (actor.kind === 'admin') return 'through';
  if (service === 'intake' && method === 'post' && path === '/pickups' && !'3507'.startsWith(actor.regionCode)) {
    return 403;
  }
  // A patient is the RSJ's that holds a referral of theirs (the person's own party is their office).
  if (service === 'health-liaison' && path === '/fhir/Patient/{personId}') {
    return actor.agencyId === AGENCIES.rsjLawang.agencyId ? 'through' : 404;
  }
  // Break-the-glass is for those the rules keep out: any allowed kind takes it; the owner needs none.
  if (path === '/persons/{personId}/emergency-access') return 'through';
  // The owning office sees its case, but only the office asked answers a transfer.
  if (/^\/cases\/\{caseId\}\/transfer\/(accept|decline)$/.test(path) && actor.agencyId === 'dinsos-3507') return 403;
  const parties = scene.parties[service];
  const strangerTo = named.filter((name) => !parties[name]?.includes(actor.agencyId));
  if (strangerTo.length === 0) return 'through';
  if (method === 'get' && supervisesScenePanti(actor, service) && strangerTo.every((name) => name === 'placementId')) {
    return 'through';
  }
  return strangerTo.every((name) => name === 'pantiId') ? 403 : 404;
}

/** A provincial office whose token names the scene's panti as its UPT, in rehabilitation, where that counts. */
function supervisesScenePanti(actor: AgencyActor, service: ServiceName): boolean {
  return (
    service === 'rehabilitation' &&
    actor.kind === 'dinas-sosial-provinsi' &&
    (actor.supervises ?? []).includes(scene.ids.rehabilitation.pantiId ?? '')
  );
}

/**
 * Bodies whose rule the published schema cannot state, written by hand: a redelivery needs at least
 * one criterion of its selection (none is required on its own). It names an event that does not
 * exist, so the admin's call is refused for what it selects (422), past every access check.
 */
const BODIES_BY_HAND: Record<string, unknown> = {
  '/admin/redeliveries': {
    reason: 'the access matrix',
    selection: { eventIds: ['00000000-0000-4000-8000-000000000000'] },
  },
};

/** A refusal about the object's state, met only past every access check (a sub-object the request names, too). */
function isAboutState(reply: Reply): boolean {
  if ([409, 412, 422].includes(reply.status)) return true;
  return reply.status === 404 && !String(reply.body?.code).endsWith('.not-found');
}

function judge(call: Omit<Call, 'got' | 'finding'>, reply: Reply): Call {
  const got = reply.status;
  let finding: string | undefined;
  const emptyList = Array.isArray(reply.body) && reply.body.length === 0;
  if (call.expected === 404 && call.method === 'get' && got === 200 && emptyList) {
    // A list keyed by an object the caller may not see is empty, as for one never made: nothing leaks.
  } else if (call.expected !== 'through') {
    // The FHIR routes refuse as FHIR does, with an OperationOutcome; every other route with problem+json.
    const refusal = call.route.startsWith('/fhir/')
      ? { type: 'application/fhir+json', fits: reply.body?.resourceType === 'OperationOutcome' }
      : { type: 'application/problem+json', fits: true };
    if (got !== call.expected) finding = `expected ${call.expected}`;
    else if (!String(reply.headers.get('content-type')).includes(refusal.type) || !refusal.fits)
      finding = `not ${refusal.type}`;
  } else if (call.method === 'get') {
    if (got !== 200) finding = 'expected 200';
  } else if (!(got >= 200 && got < 300) && !isAboutState(reply)) {
    finding = 'expected success or a refusal about state';
  }
  return { ...call, got, ...(finding ? { finding: `${finding}: ${JSON.stringify(reply.body).slice(0, 300)}` } : {}) };
}

it("shows a provincial office its UPT's residents and their placements, not a kota's panti nor another province's", async () => {
  const residentB = scene.ids.rehabilitation.placementId;
  const upt = AGENCIES.pantiKediri.agencyId;
  const asProvince = new AgencyClient(lintas.world.urls.rehabilitation, PROVINCE);
  for (const path of ['/work-queues/residents', `/work-queues/residents?panti=${upt}`]) {
    const residents = await asProvince.get(path);
    expect(residents.status).toBe(200);
    expect(residents.body).toEqual([expect.objectContaining({ placementId: residentB, pantiId: upt })]);
  }
  expect((await asProvince.get(`/work-queues/waiting-list?panti=${upt}`)).status).toBe(200);
  expect((await asProvince.get(`/placements/${residentB}`)).body).toMatchObject({ pantiId: upt, status: 'resident' });
  const kota = await asProvince.get(`/work-queues/residents?panti=${KOTA_PANTI.agencyId}`);
  expect(kota).toMatchObject({ status: 404, body: { code: 'panti.not-found' } });

  const asOtherProvince = new AgencyClient(lintas.world.urls.rehabilitation, OTHER_PROVINCE);
  expect((await asOtherProvince.get(`/work-queues/residents?panti=${upt}`)).status).toBe(404);
  expect((await asOtherProvince.get('/work-queues/residents')).body).toEqual([]);
  expect((await asOtherProvince.get(`/placements/${residentB}`)).status).toBe(404);

  // Each read of the resident is recorded with the relationship that granted it.
  const records = await lintas.world
    .rehabilitation('admin')
    .get(`/persons/${scene.ids.rehabilitation.personId}/access-records`);
  const byProvince = (records.body.records as { agencyId: string; route: string; reason?: string }[]).filter(
    (record) => record.agencyId === PROVINCE.agencyId,
  );
  expect(new Set(byProvince.map((record) => `${record.route} ${record.reason}`))).toEqual(
    new Set([`/work-queues/residents supervised-panti:${upt}`, `/placements/:placementId supervised-panti:${upt}`]),
  );
});

it('lets each agency do what its kind, region and relationship allow, and nothing else', async () => {
  const calls: Call[] = [];
  const writes: Array<() => Promise<void>> = [];
  const erasures: Array<() => Promise<void>> = [];
  for (const service of SERVICES) {
    const document = (await (await fetch(`${service.url()}/openapi.json`)).json()) as OpenAPIObject;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of ['get', 'post'] as const) {
        const operation = item[method];
        if (!operation || !operation.security || operation.security.length === 0) continue;
        const ids = scene.ids[service.name];
        const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
        const url =
          path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `unknown-${name}`) +
          sampleQuery(document, operation.parameters);
        const bodySchema = (operation.requestBody as { content?: Record<string, { schema?: object }> } | undefined)
          ?.content?.['application/json']?.schema;
        const body =
          method === 'post'
            ? (BODIES_BY_HAND[path] ?? sampleBody(document, bodySchema, { ...NAMED_IN_BODIES, ...ids }))
            : undefined;
        const bodyNames = OWNED.filter((name) => JSON.stringify(body ?? {}).includes(`"${name}":`));
        const named = [...new Set([...pathNames, ...bodyNames])];
        // Those refused go first: a refused write must change nothing the allowed ones then meet.
        // Of the allowed, the narrowest party goes first (an RSJ is one only while the resident is
        // in it), the owning office and the admin last.
        const rank = (caller: Caller) =>
          expectation(service.name, method, path, operation, named, caller) === 'through'
            ? 1 + ROLE_ORDER.indexOf(caller.role)
            : 0;
        const ordered = [...CALLERS].sort((x, y) => rank(x) - rank(y));
        const run = async () => {
          for (const caller of ordered) {
            const client = new AgencyClient(service.url(), caller.actor);
            const expected = expectation(service.name, method, path, operation, named, caller);
            // A review names its social worker; the header is harmless everywhere else.
            const reply =
              method === 'get' ? await client.get(url) : await client.post(url, body, { headers: REVIEWER });
            const call = judge({ service: service.name, method, route: path, caller, expected }, reply);
            if (method === 'get' && expected === 'through' && named.length === 0 && caller.actor.kind !== 'admin') {
              const party =
                Object.values(scene.parties[service.name]).some((p) => p.includes(caller.actor.agencyId)) ||
                supervisesScenePanti(caller.actor, service.name);
              const leaked = !party && scene.all.some((id) => JSON.stringify(reply.body).includes(id));
              if (leaked) call.finding = 'a list shows a non-party the scene';
            }
            calls.push(call);
          }
        };
        if (method === 'get') await run();
        // An erasure ends the scene's person for every later write: it goes last.
        else if (path.endsWith('/erasure')) erasures.push(run);
        else writes.push(run);
      }
    }
  }
  // Reads first, while the scene is as built; then the writes, which move it on.
  for (const write of [...writes, ...erasures]) await write();

  const count = (pick: (c: Call) => boolean) => calls.filter(pick).length;
  const routes = new Set(calls.map((c) => `${c.service} ${c.method} ${c.route}`)).size;
  process.stdout.write(
    `[least privilege] ${routes} routes × ${CALLERS.length} callers = ${calls.length} calls: ` +
      `${count((c) => c.expected === 'through' && c.got >= 200 && c.got < 300)} succeeded, ` +
      `${count((c) => c.expected === 'through' && c.got >= 400 && !c.finding)} got through and were refused for the state of the object, ` +
      `${count((c) => c.expected === 403 && c.got === 403)} refused 403, ${count((c) => c.expected === 404 && c.got === 404)} refused 404; ` +
      `elsewhere: ${count((c) => c.caller.where === 'elsewhere' && c.expected !== 'through' && c.got === c.expected)} of ` +
      `${count((c) => c.caller.where === 'elsewhere')} refused\n`,
  );
  const findings = calls
    .filter((c) => c.finding)
    .map(
      (c) =>
        `${c.service} ${c.method.toUpperCase()} ${c.route} as ${c.caller.actor.agencyId}: got ${c.got}, ${c.finding}`,
    );
  expect(findings).toEqual([]);
}, 600_000);
