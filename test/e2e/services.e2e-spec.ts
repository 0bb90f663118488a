import { useRealInfrastructure } from '@lintas/testing/real-infrastructure';
import { SERVICES, ServiceProcess } from '@lintas/testing/processes/service-process';

const infra = useRealInfrastructure();

const settings = (): Record<string, string> => ({
  DATABASE_URL: infra.databaseUrl,
  KAFKA_BROKERS: infra.kafkaBrokers.join(','),
});

describe('the built services, each as its own process', () => {
  const running: ServiceProcess[] = [];
  afterAll(() => Promise.all(running.map((service) => service.stop('SIGKILL'))));

  it('all start, report live and ready against PostgreSQL and Kafka, and log JSON only', async () => {
    running.push(...(await Promise.all(SERVICES.map((service) => ServiceProcess.start(service, settings())))));
    await Promise.all(running.map((service) => service.ready()));

    for (const service of running) {
      const live = await fetch(`${service.url}/health/live`);
      expect(live.status).toBe(200);
      const ready = await (await fetch(`${service.url}/health/ready`)).json();
      expect(ready).toMatchObject({ status: 'ready', checks: { postgres: { status: 'up' }, kafka: { status: 'up' } } });

      const lines = service.output();
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines)
        expect(JSON.parse(line)).toMatchObject({ service: service.service, level: expect.any(String) });
    }
  });

  it('each listens on its own port', () => {
    expect(new Set(running.map((service) => service.url)).size).toBe(SERVICES.length);
  });

  it('stop cleanly on SIGTERM, closing their connections first', async () => {
    const service = await ServiceProcess.start('audit', settings());
    await service.ready();
    // Nest re-raises the signal once its shutdown hooks have run, so the process ends by SIGTERM.
    expect(await service.stop('SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    const last = JSON.parse(service.output().at(-1) ?? '{}') as Record<string, unknown>;
    expect(last).toMatchObject({ level: 'info', message: 'stopped', signal: 'SIGTERM' });
  });

  it('refuse to start on a malformed setting, naming it', async () => {
    const service = await ServiceProcess.start('intake', { ...settings(), DATABASE_URL: 'nonsense' });
    expect(await service.ended()).toEqual({ code: 78, signal: null });
    const [line] = service.output().map((l) => JSON.parse(l) as { level: string; message: string });
    expect(line).toMatchObject({
      level: 'fatal',
      message: expect.stringContaining('DATABASE_URL: must be a PostgreSQL URL'),
    });
    expect(line?.message).toContain("(got 'nonsense')");
  });

  it('refuse to start in production without explicit connection settings', async () => {
    const service = await ServiceProcess.start('health-liaison', { NODE_ENV: 'production' });
    expect(await service.ended()).toEqual({ code: 78, signal: null });
    const output = service.output().join('\n');
    expect(output).toContain('DATABASE_URL: must be set explicitly when NODE_ENV=production');
    expect(output).toContain('KAFKA_BROKERS: must be set explicitly when NODE_ENV=production');
    expect(output).toContain('PERSONAL_DATA_KEY: must be set explicitly when NODE_ENV=production');
  });
});
