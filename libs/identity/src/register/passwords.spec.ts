import { hashPassword, newPassword, passwordMatches, passwordProblem } from './passwords';

describe("people's passwords", () => {
  it('are kept as a salted scrypt hash with its cost, which matches the password and nothing else', async () => {
    const hash = await hashPassword('kopi tubruk di alun-alun');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('kopi');
    expect(await passwordMatches('kopi tubruk di alun-alun', hash)).toBe(true);
    expect(await passwordMatches('kopi tubruk di alun-alun ', hash)).toBe(false);
    expect(await hashPassword('kopi tubruk di alun-alun')).not.toBe(hash);
  });

  it('match the same password typed in another Unicode form (NFKC)', async () => {
    const hash = await hashPassword('ﬁlm di bioskop malang');
    expect(await passwordMatches('film di bioskop malang', hash)).toBe(true);
  });

  it('read a hash of another cost, and refuse a malformed one', async () => {
    const cheaper = (await hashPassword('a password of twelve')).replace(/^scrypt\$32768\$/, 'scrypt$1024$');
    expect(await passwordMatches('a password of twelve', cheaper)).toBe(false);
    for (const malformed of ['', 'plain', 'scrypt$x$8$1$salt$hash', 'bcrypt$1$2$3$4$5']) {
      expect(await passwordMatches('a password of twelve', malformed)).toBe(false);
    }
  });

  it('must be 12 to 128 characters, with no rule on what they are made of', () => {
    expect(passwordProblem('short')).toBe('must be at least 12 characters');
    expect(passwordProblem('x'.repeat(129))).toBe('must be at most 128 characters');
    expect(passwordProblem('            ')).toBe('must not be blank');
    expect(passwordProblem('kopitubrukmalang')).toBeUndefined();
    expect(passwordProblem('🐟🐟🐟🐟🐟🐟🐟🐟🐟🐟🐟🐟')).toBeUndefined();
  });

  it('are made of 120 random bits when an admin asks for one', () => {
    const made = new Set(Array.from({ length: 50 }, () => newPassword()));
    expect(made.size).toBe(50);
    for (const password of made) expect(password).toMatch(/^[\w-]{20}$/);
  });
});
