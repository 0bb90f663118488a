import { randomBytes } from 'node:crypto';
import { parseMasterKey, unwrapDataKey, wrapDataKey } from './master-key';

const PERSON = '7d3c0b8e-36a7-4f0e-9d8a-1f0e2b7c9a11';
const OTHER_PERSON = '0b6f3c1e-2a4d-4c8e-9f1a-3e5d7c9b1a20';

describe('parseMasterKey', () => {
  it('reads 32 bytes given in base64, ignoring the line end an env file leaves', () => {
    const bytes = randomBytes(32);
    expect(parseMasterKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseMasterKey(`${bytes.toString('base64')}\n`)).toEqual(bytes);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(33).toString('base64')],
    ['hex, not base64', randomBytes(32).toString('hex')],
    ['not base64 at all', 'correct horse battery staple, forty-four ch'],
    ['empty', ''],
  ])('refuses a key that is %s, naming the expected form', (_, text) => {
    expect(() => parseMasterKey(text)).toThrow(/32 random bytes in base64.*openssl rand -base64 32/);
  });

  it('never repeats the value it refuses', () => {
    const secret = randomBytes(31).toString('base64');
    let message = '';
    try {
      parseMasterKey(secret);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/32 random bytes/);
    expect(message).not.toContain(secret);
  });
});

describe('wrapDataKey and unwrapDataKey', () => {
  const master = randomBytes(32);
  const dataKey = randomBytes(32);

  it('give the data key back, from version 1 | IV | tag | ciphertext', () => {
    const wrapped = wrapDataKey(master, dataKey, PERSON);
    expect(wrapped).toHaveLength(1 + 12 + 16 + 32);
    expect(wrapped[0]).toBe(1);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(unwrapDataKey(master, wrapped, PERSON)).toEqual(dataKey);
  });

  it('wrap the same key differently each time', () => {
    expect(wrapDataKey(master, dataKey, PERSON)).not.toEqual(wrapDataKey(master, dataKey, PERSON));
  });

  it('do not unwrap a key moved to another person', () => {
    const wrapped = wrapDataKey(master, dataKey, PERSON);
    expect(() => unwrapDataKey(master, wrapped, OTHER_PERSON)).toThrow(/does not unwrap/);
  });

  it('do not unwrap under another master key', () => {
    const wrapped = wrapDataKey(master, dataKey, PERSON);
    expect(() => unwrapDataKey(randomBytes(32), wrapped, PERSON)).toThrow(/does not unwrap/);
  });

  it.each([
    ['IV', 5],
    ['tag', 20],
    ['ciphertext', 40],
  ])('do not unwrap a key whose %s was altered', (_, at) => {
    const wrapped = wrapDataKey(master, dataKey, PERSON);
    wrapped[at] = (wrapped[at] ?? 0) ^ 0x01;
    expect(() => unwrapDataKey(master, wrapped, PERSON)).toThrow(/does not unwrap/);
  });

  it('refuse an unknown version or a truncated key', () => {
    const wrapped = wrapDataKey(master, dataKey, PERSON);
    expect(() => unwrapDataKey(master, Buffer.concat([Buffer.from([2]), wrapped.subarray(1)]), PERSON)).toThrow(
      /not in version 1 form/,
    );
    expect(() => unwrapDataKey(master, wrapped.subarray(0, 60), PERSON)).toThrow(/not in version 1 form/);
  });

  it('refuse keys of the wrong size', () => {
    expect(() => wrapDataKey(randomBytes(16), dataKey, PERSON)).toThrow(/master key must be 32 bytes/);
    expect(() => wrapDataKey(master, randomBytes(16), PERSON)).toThrow(/data key must be 32 bytes/);
  });
});
