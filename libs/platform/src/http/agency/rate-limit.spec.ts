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

  it('keeps no more buckets than it tracks while the old ones have refilled, so chosen keys cannot grow memory', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 2, () => now, 100);
    for (let i = 0; i < 100; i += 1) limiter.take(`address-${i}`);
    now += 2_000;
    for (let i = 100; i < 1_000; i += 1) limiter.take(`address-${i}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    // A bucket still drained is kept while a refilled one can go instead.
    const drained = new RateLimiter(1, 2, () => now, 2);
    drained.take('a');
    now += 2_000;
    drained.take('b');
    drained.take('b');
    drained.take('c');
    expect(drained.take('b')).toBe(1);
  });
});
