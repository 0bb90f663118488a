import { settledUpTo } from './register-feed';

const change = (position: number, agoMs: number) => ({
  position,
  occurredAt: new Date(Date.now() - agoMs).toISOString(),
  actor: { clientId: 'c', agencyId: 'a' },
  action: 'agency-registered',
  subject: 's',
  detail: {},
});

describe("the register feed's cursor", () => {
  it('stays before the first change young enough to have an older one still committing behind it', () => {
    expect(settledUpTo([change(4, 120_000), change(5, 90_000), change(6, 1_000), change(7, 200_000)], 3)).toBe(5);
    expect(settledUpTo([change(4, 1_000)], 3)).toBe(3);
    expect(settledUpTo([], 3)).toBe(3);
  });
});
