import { randomBytes } from 'node:crypto';
import { AssessmentCompletedV1, PickupReportedV1 } from '@lintas/contracts/intake/intake.contracts';
import { PlacementRequestedV1 } from '@lintas/contracts/rehabilitation/rehabilitation.contracts';
import { eventually } from '@lintas/testing/eventually';
import { AGENCIES } from '@lintas/testing/journey/journey-world';
import { journeyIdentity, prepareJourneys } from '@lintas/testing/journey/nine-journeys';
import { PersonJourney } from '@lintas/testing/journey/person-journey';
import { RunningLintas } from '@lintas/testing/journey/running-lintas';
import type { ServiceName } from '@lintas/testing/processes/service-process';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * One trace per hand-over, across the built services as separate processes on real Kafka and
 * PostgreSQL (docs/architecture.md, "Traces"): the trace of an agency's request is the trace in
 * which the next service consumes the event the request caused, and what that service's reaction
 * publishes carries it further. Read from the services' own log lines, as an operator would.
 */
const infra = useRealInfrastructure();
let lintas: RunningLintas;

beforeAll(async () => {
  lintas = await RunningLintas.forTestFile(infra, {
    // Debug: events a service consumes but has no reaction to are logged too.
    logLevel: 'debug',
  });
  await prepareJourneys(lintas.world);
}, 120_000);
afterEach(() => {
  if (expect.getState().assertionCalls === 0) process.stdout.write(lintas.output());
});

type Line = Record<string, unknown> & { event?: { type?: string; id?: string; source?: string } };

/** A service's JSON lines so far. */
function linesOf(service: ServiceName): Line[] {
  return (lintas.processes.get(service)?.output() ?? []).flatMap((text) => {
    try {
      return [JSON.parse(text) as Line];
    } catch {
      return [];
    }
  });
}

/** Waits for the service's line of the event of that type consumed in that trace. */
function consumedIn(service: ServiceName, traceId: string, type: string): Promise<Line> {
  return eventually(
    async () => linesOf(service).find((line) => line.trace_id === traceId && line.event?.type === type),
    (line) => line !== undefined,
    { timeoutMs: 30_000 },
  ) as Promise<Line>;
}

/** Waits for the service's access line of a request in that trace. */
function requestIn(service: ServiceName, traceId: string): Promise<Line> {
  return eventually(
    async () => linesOf(service).find((line) => line.trace_id === traceId && typeof line.status === 'number'),
    (line) => line !== undefined,
  ) as Promise<Line>;
}

function newTraceparent(): { traceId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
}

const CONSUMERS_OF_INTAKE: ServiceName[] = ['health-liaison', 'rehabilitation', 'family-reunification'];

describe('one trace per hand-over', () => {
  it("continues a pickup's traceparent in every service that consumes the pickup's event", async () => {
    const { traceId, traceparent } = newTraceparent();
    const reply = await lintas.world.intake('satpolMalang').post(
      '/pickups',
      {
        foundAt: new Date(Date.now() - 3_600_000).toISOString(),
        location: { text: 'Pasar Lawang, depan los ikan', regionCode: '3507', districtCode: '350701' },
        circumstances: 'wandering',
        observedCondition: 'confused, not hurt',
        descriptors: { sex: 'female', apparentAgeRange: '30-40' },
      },
      { headers: { traceparent } },
    );
    expect(reply.status).toBe(201);

    expect(await requestIn('intake', traceId)).toMatchObject({ method: 'POST', route: '/pickups', status: 201 });
    for (const service of CONSUMERS_OF_INTAKE) {
      // None of them reacts to a pickup, but each reads intake's topic: it logs the event it skipped.
      const line = await consumedIn(service, traceId, PickupReportedV1.type);
      expect(line).toMatchObject({ event: { source: '/lintas/intake' }, outcome: 'skipped' });
      expect(line).not.toHaveProperty('data');
    }
  });

  it('gives a request without traceparent a trace of its own, which the consumers continue', async () => {
    const before = linesOf('intake').length;
    await new PersonJourney(lintas.world).pickedUp();
    const request = await eventually(
      async () =>
        linesOf('intake')
          .slice(before)
          .find((line) => line.route === '/pickups' && line.status === 201),
      (line) => line !== undefined,
    );
    const traceId = String(request?.trace_id);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    for (const service of CONSUMERS_OF_INTAKE) await consumedIn(service, traceId, PickupReportedV1.type);
  });

  it("carries an assessment's trace into the placement it causes, and on into the services that read the placement's event", async () => {
    const person = new PersonJourney(lintas.world);
    await person.pickedUp();
    await person.handedOver();
    await person.registered();
    await person.identified(journeyIdentity('Sri Wahyuni'));
    await person.consented();
    const { traceId, traceparent } = newTraceparent();
    const assessed = await lintas.world
      .intake('dinsosMalang')
      .post(
        `/cases/${person.caseId}/assessment`,
        { decision: 'panti', pantiId: AGENCIES.pantiKediri.agencyId },
        { headers: { traceparent } },
      );
    expect(assessed.status).toBe(201);
    expect(await requestIn('intake', traceId)).toMatchObject({ method: 'POST', status: 201 });

    // Rehabilitation reacts: a placement is requested, in the assessment's trace...
    const reacted = await consumedIn('rehabilitation', traceId, AssessmentCompletedV1.type);
    expect(reacted).toMatchObject({ outcome: 'reacted', correlationId: expect.any(String) });
    await person.placementArrived();
    // ...and the event that placement published arrives elsewhere in the same trace: the
    // reaction's outbox row carried it on.
    const onward = await consumedIn('health-liaison', traceId, PlacementRequestedV1.type);
    expect(onward).toMatchObject({ event: { source: '/lintas/rehabilitation' }, correlationId: reacted.correlationId });
  });
});
