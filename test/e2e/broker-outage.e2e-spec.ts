import { eventually } from '@lintas/testing/eventually';
import { freePort } from '@lintas/testing/infra/free-port';
import { startLocalKafka, type LocalKafka } from '@lintas/testing/infra/kafka-local';
import { AGENCIES, JourneyWorld } from '@lintas/testing/journey/journey-world';
import { nikFor, PersonJourney } from '@lintas/testing/journey/person-journey';
import { ServiceProcess, type ServiceName } from '@lintas/testing/processes/service-process';
import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';

/**
 * Services started before their broker: they serve HTTP, stay live, answer not ready and keep
 * trying, one log line an attempt, instead of exiting; once a broker comes up on the address they
 * were given, they become ready and hand-overs cross, including one written during the outage.
 * Each transport gets a broker of its own, started by the test on a port chosen beforehand.
 */
const infra = useRealInfrastructure();

interface LogLine {
  level: string;
  message: string;
  [field: string]: unknown;
}

/** A service process, and whether it has ended, which a live process must never have. */
class Watched {
  private endedAt?: Awaited<ReturnType<ServiceProcess['ended']>>;

  constructor(readonly process: ServiceProcess) {
    void process.ended().then((exit) => (this.endedAt = exit));
  }

  get ended(): boolean {
    return this.endedAt !== undefined;
  }

  /** Every line it printed, as JSON: anything else (a raw stack trace) fails the parse. */
  lines(): LogLine[] {
    return this.process.output().map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`${this.process.service} printed a line that is not JSON: ${line}`);
      }
    });
  }

  attempts(): LogLine[] {
    return this.lines().filter((line) => line.message.startsWith('messaging could not start'));
  }

  async health(which: 'live' | 'ready'): Promise<{ status: number; body: Record<string, unknown> }> {
    const reply = await fetch(`${this.process.url}/health/${which}`);
    return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
  }
}

describe.each(['platformatic', 'kafkajs'] as const)('services started before their broker, over %s', (transport) => {
  const brokerLog: string[] = [];
  let kafka: LocalKafka | undefined;
  const services: Watched[] = [];

  afterAll(async () => {
    await Promise.all(services.map((service) => service.process.stop('SIGTERM')));
    await kafka?.stop();
  }, 60_000);

  it('stay live and not ready while it is down, then become ready and hand over once it is up', async () => {
    const port = await freePort();
    const settings = {
      NODE_ENV: 'test',
      DATABASE_URL: infra.databaseUrl,
      // Nothing listens here yet.
      KAFKA_BROKERS: `127.0.0.1:${port}`,
      TOPIC_PREFIX: infra.topics.prefix,
      MESSAGING_TRANSPORT: transport,
      LOG_LEVEL: 'info',
    };
    const start = async (name: ServiceName) => new Watched(await ServiceProcess.start(name, settings));
    const [intake, healthLiaison] = await Promise.all([start('intake'), start('health-liaison')]);
    services.push(intake, healthLiaison);

    for (const service of [intake, healthLiaison]) {
      // Several attempts failed and were logged, and the process carries on.
      await eventually(
        async () => service.attempts().length,
        (n) => n >= 2 || service.ended,
        { timeoutMs: 60_000, everyMs: 100 },
      );
      expect(service.ended).toBe(false);
      expect(await service.health('live')).toEqual({ status: 200, body: { status: 'live' } });
      const ready = await service.health('ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'not-ready',
        checks: {
          postgres: { status: 'up' },
          kafka: { status: 'down', error: expect.stringContaining('messaging not started') },
        },
      });
      for (const [index, attempt] of service.attempts().entries()) {
        expect(attempt).toMatchObject({ level: 'warn', attempt: index + 1, retryInMs: expect.any(Number) });
        expect(attempt.message).toContain(`127.0.0.1:${port}`);
        expect(attempt).not.toHaveProperty('err');
        expect(attempt).not.toHaveProperty('stack');
      }
    }

    // The agencies' work goes on meanwhile: the hand-over waits in intake's outbox.
    const world = new JourneyWorld({
      intake: intake.process.url,
      healthLiaison: healthLiaison.process.url,
      rehabilitation: '',
      familyReunification: '',
    });
    const duringOutage = new PersonJourney(world);
    await duringOutage.pickedUp();
    await duringOutage.handedOver();
    await duringOutage.registered();
    await duringOutage.identified({ name: 'Sri', birthDate: '1985-03-02', nik: nikFor('1985-03-02', 11) });
    await duringOutage.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });

    kafka = await startLocalKafka({ log: (line) => void brokerLog.push(line), port });
    await Promise.all([intake.process.ready(60_000), healthLiaison.process.ready(60_000)]);
    for (const service of [intake, healthLiaison]) {
      expect(service.ended).toBe(false);
      expect(service.lines()).toContainEqual(
        expect.objectContaining({
          level: 'info',
          message: expect.stringMatching(/^messaging started at attempt \d+$/),
        }),
      );
    }

    await duringOutage.referralArrived();
    const afterOutage = new PersonJourney(world);
    await afterOutage.pickedUp();
    await afterOutage.handedOver();
    await afterOutage.registered();
    await afterOutage.identified({ name: 'Tini', birthDate: '1979-11-20', nik: nikFor('1979-11-20', 12) });
    await afterOutage.assessed('rsj', { rsjId: AGENCIES.rsjLawang.agencyId });
    await afterOutage.referralArrived();
    expect(afterOutage.referralId).not.toBe(duringOutage.referralId);
  }, 240_000);
});
