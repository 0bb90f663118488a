import { randomBytes } from 'node:crypto';
import { decryptValue, encryptValue, isSealed } from './field-cipher';

const PERSON = '7d3c0b8e-36a7-4f0e-9d8a-1f0e2b7c9a11';
const OTHER_PERSON = '0b6f3c1e-2a4d-4c8e-9f1a-3e5d7c9b1a20';
const key = randomBytes(32);

function tamper(sealed: string, at: number): string {
  const replacement = sealed[at] === 'A' ? 'B' : 'A';
  return sealed.slice(0, at) + replacement + sealed.slice(at + 1);
}

describe('encryptValue and decryptValue', () => {
  it.each([
    ['a string', 'Siti Nurhaliza'],
    ['a number', 42],
    ['false', false],
    ['null', null],
    ['an object', { nik: '3171234567890001', diagnosis: 'F20.0 skizofrenia paranoid' }],
    ['an array', ['0812-3456-7890', { kota: 'Surabaya' }]],
    ['non-Latin text', 'Ibu Ñoño — 王小明 🙂'],
    ['an empty string', ''],
  ])('give back %s', (_, value) => {
    const sealed = encryptValue(key, value, PERSON);
    expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9_-]+$/);
    expect(isSealed(sealed)).toBe(true);
    expect(decryptValue(key, sealed, PERSON)).toEqual(value);
  });

  it('give back a value in its JSON form', () => {
    const sealed = encryptValue(key, { bornOn: new Date('1980-05-17T00:00:00Z') }, PERSON);
    expect(decryptValue(key, sealed, PERSON)).toEqual({ bornOn: '1980-05-17T00:00:00.000Z' });
  });

  it('leave no trace of the plaintext in the sealed form', () => {
    const value = { name: 'Siti Nurhaliza', nik: '3171234567890001' };
    const sealed = encryptValue(key, value, PERSON);
    for (const text of ['Siti', 'Nurhaliza', '3171234567890001', 'nik', 'name']) {
      expect(sealed).not.toContain(text);
      expect(sealed).not.toContain(Buffer.from(text).toString('base64url').slice(0, -1));
    }
  });

  it('seal the same value differently each time', () => {
    expect(encryptValue(key, 'Siti', PERSON)).not.toBe(encryptValue(key, 'Siti', PERSON));
  });

  it('do not open for another person (aad)', () => {
    const sealed = encryptValue(key, 'Siti', PERSON);
    expect(() => decryptValue(key, sealed, OTHER_PERSON)).toThrow(/does not open/);
  });

  it('do not open under another key', () => {
    const sealed = encryptValue(key, 'Siti', PERSON);
    expect(() => decryptValue(randomBytes(32), sealed, PERSON)).toThrow(/does not open/);
  });

  it.each([
    ['IV', 'enc:v1:'.length + 2],
    ['tag', 'enc:v1:'.length + 20],
    ['ciphertext', 'enc:v1:'.length + 40],
  ])('do not open when the %s was altered', (_, at) => {
    const sealed = encryptValue(key, 'Siti Nurhaliza', PERSON);
    expect(() => decryptValue(key, tamper(sealed, at), PERSON)).toThrow(/does not open/);
  });

  it('do not open a truncated value', () => {
    const sealed = encryptValue(key, 'Siti Nurhaliza', PERSON);
    expect(() => decryptValue(key, sealed.slice(0, -4), PERSON)).toThrow(/does not open/);
  });

  it('refuse what has no JSON form', () => {
    expect(() => encryptValue(key, undefined, PERSON)).toThrow(/no JSON form/);
    expect(() => encryptValue(key, () => 1, PERSON)).toThrow(/no JSON form/);
  });

  it('refuse to decrypt what is not sealed', () => {
    expect(() => decryptValue(key, 'Siti', PERSON)).toThrow(/Not a sealed value/);
  });
});

describe('isSealed', () => {
  it.each([
    ['a plain string', 'Siti'],
    ['the bare prefix', 'enc:v1:'],
    ['a prefix and too little', 'enc:v1:abc'],
    ['another version', `enc:v2:${'A'.repeat(60)}`],
    ['characters outside base64url', `enc:v1:${'A'.repeat(50)} +/`],
    ['a number', 42],
    ['null', null],
    ['an object', { sealed: 'enc:v1:' }],
  ])('is false for %s', (_, value) => {
    expect(isSealed(value)).toBe(false);
  });
});
