import { SignInAttempts } from './sign-in-attempts';

describe('failed sign-ins', () => {
  it('hold a user id back after ten within 15 minutes, until the oldest ages out', () => {
    let now = 0;
    const attempts = new SignInAttempts(10, 15 * 60_000, () => now);
    for (let n = 0; n < 10; n += 1) {
      expect(attempts.waitFor('ani.supervisor')).toBe(0);
      attempts.failed('ani.supervisor');
      now += 1_000;
    }
    expect(attempts.waitFor('ani.supervisor')).toBe(15 * 60_000 - 10_000);
    expect(attempts.waitFor('budi.supervisor')).toBe(0);
    now = 15 * 60_000 + 1;
    expect(attempts.waitFor('ani.supervisor')).toBe(0);
  });

  it('start again after a sign-in that succeeded', () => {
    const attempts = new SignInAttempts(2);
    attempts.failed('ani.supervisor');
    attempts.failed('ani.supervisor');
    expect(attempts.waitFor('ani.supervisor')).toBeGreaterThan(0);
    attempts.succeeded('ani.supervisor');
    expect(attempts.waitFor('ani.supervisor')).toBe(0);
  });

  it('track a bounded number of ids, whatever ids are made up', () => {
    const attempts = new SignInAttempts(10, 60_000, Date.now, 100);
    for (let n = 0; n < 1_000; n += 1) attempts.failed(`made-up-${n}`);
    expect((attempts as unknown as { failures: Map<string, number[]> }).failures.size).toBeLessThanOrEqual(100);
  });
});
