import { RateLimiter } from './rate-limit';

describe('the rate limit of a client', () => {
  it('lets a burst through, then refuses with the wait, and refills at the rate', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    expect([1, 2, 3].map(() => limiter.take('satpol'))).toEqual([0, 0, 0]);
    expect(limiter.take('satpol')).toBe(1);
    // Another client has a bucket of its own.
    expect(limiter.take('rsj')).toBe(0);
    now += 500;
    expect(limiter.take('satpol')).toBe(0);
    expect(limiter.take('satpol')).toBe(1);
    now += 10_000;
    expect([1, 2, 3, 4].map(() => limiter.take('satpol'))).toEqual([0, 0, 0, 1]);
  });

  it('says how long to wait when the rate is below one a second', () => {
    let now = 0;
    const limiter = new RateLimiter(0.1, 1, () => now);
    expect(limiter.take('c')).toBe(0);
    expect(limiter.take('c')).toBe(10);
    now += 5_000;
    expect(limiter.take('c')).toBe(5);
  });
});
