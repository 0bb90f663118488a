import { runReadinessChecks, type ReadinessCheck } from './readiness-check';

const up = (name: string): ReadinessCheck => ({ name, check: async () => undefined });
const down = (name: string, message: string): ReadinessCheck => ({
  name,
  check: async () => {
    throw new Error(message);
  },
});
const hung = (name: string): ReadinessCheck => ({ name, check: () => new Promise<void>(() => undefined) });

describe('readiness', () => {
  it('is ready when every dependency answers', async () => {
    const report = await runReadinessChecks([up('postgres'), up('kafka')], 1_000);
    expect(report.status).toBe('ready');
    expect(report.checks).toEqual({
      postgres: expect.objectContaining({ status: 'up' }),
      kafka: expect.objectContaining({ status: 'up' }),
    });
  });

  it('names the dependency that failed and why', async () => {
    const report = await runReadinessChecks([up('postgres'), down('kafka', 'connection refused')], 1_000);
    expect(report.status).toBe('not-ready');
    expect(report.checks.kafka).toMatchObject({ status: 'down', error: 'connection refused' });
  });

  it('reports checks of one name as one, down when any of them is, with each reason', async () => {
    const report = await runReadinessChecks(
      [up('postgres'), up('kafka'), down('kafka', 'messaging not started: no broker')],
      1_000,
    );
    expect(report.status).toBe('not-ready');
    expect(Object.keys(report.checks)).toEqual(['postgres', 'kafka']);
    expect(report.checks.kafka).toMatchObject({ status: 'down', error: 'messaging not started: no broker' });

    const both = await runReadinessChecks([down('kafka', 'refused'), down('kafka', 'not started')], 1_000);
    expect(both.checks.kafka).toMatchObject({ status: 'down', error: 'refused; not started' });

    const all = await runReadinessChecks([up('kafka'), up('kafka')], 1_000);
    expect(all).toMatchObject({ status: 'ready', checks: { kafka: { status: 'up' } } });
  });

  it('does not wait on a dependency that never answers', async () => {
    const report = await runReadinessChecks([hung('kafka'), up('postgres')], 50);
    expect(report.status).toBe('not-ready');
    expect(report.checks.kafka).toMatchObject({ status: 'down', error: 'timed out' });
    expect(report.checks.postgres).toMatchObject({ status: 'up' });
  });
});
