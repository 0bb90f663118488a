import { randomBytes } from 'node:crypto';
import { BlindIndex } from './blind-index';

describe('a blind index', () => {
  const master = randomBytes(32);

  it('gives one value the same token each time, and another value another', () => {
    const index = new BlindIndex(master, 'tracing matches');
    expect(index.token('name:sukarni')).toBe(index.token('name:sukarni'));
    expect(index.token('name:sukarni')).not.toBe(index.token('name:sukarno'));
  });

  it('never shows the value, and differs per purpose and per master key', () => {
    const token = new BlindIndex(master, 'tracing matches').token('nik:3507014506780003');
    expect(token).not.toContain('3507');
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new BlindIndex(master, 'another purpose').token('nik:3507014506780003')).not.toBe(token);
    expect(new BlindIndex(randomBytes(32), 'tracing matches').token('nik:3507014506780003')).not.toBe(token);
  });
});
