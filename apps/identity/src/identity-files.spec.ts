import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey } from '@lintas/identity/signing-key';
import { IdentityFileError, readSigningKeys } from './identity-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lintas-identity-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function refusal(reading: Promise<unknown>): Promise<IdentityFileError> {
  const error = await reading.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(IdentityFileError);
  return error as IdentityFileError;
}

describe('the signing keys file', () => {
  it('is created outside production with one ES256 key, readable by its owner only', async () => {
    const path = join(dir, 'keys', 'signing-keys.json');
    const { keys, created } = await readSigningKeys(path, true);
    expect(created).toBe(true);
    expect(keys).toEqual([expect.objectContaining({ kty: 'EC', alg: 'ES256', d: expect.any(String) })]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ keys });
    expect(await readSigningKeys(path, true)).toEqual({ keys, created: false });
  });

  it('is never created in production', async () => {
    const error = await refusal(readSigningKeys(join(dir, 'signing-keys.json'), false));
    expect(error.problems).toEqual(['no such file (a JSON { "keys": [...] } of private JWKs)']);
  });

  it('keeps the order of its keys: the first signs', async () => {
    const keys = [await generateSigningKey(), await generateSigningKey('EdDSA')];
    expect(await readSigningKeys(await file('keys.json', { keys }), false)).toEqual({ keys, created: false });
  });

  it('refuses public keys, keys without kid, other algorithms and keys that do not import', async () => {
    const key = await generateSigningKey();
    const { d: _private, ...publicKey } = key;
    const error = await refusal(
      readSigningKeys(
        await file('keys.json', {
          keys: [
            publicKey,
            { ...key, kid: undefined },
            { ...key, kid: 'hs', alg: 'HS256' },
            { ...key, kid: 'bad', x: 'AAAA' },
          ],
        }),
        false,
      ),
    );
    expect(error.problems).toEqual([
      `key 0 (kid ${key.kid}): must be a private key (it has no d)`,
      'key 1: needs a kid',
      'key 2 (kid hs): alg must be one of ES256, EdDSA',
      'key 3 (kid bad): is not a usable ES256 key',
    ]);
    expect(error.message).not.toContain(String(key.d));
  });

  it('refuses an empty key set and a kid used twice', async () => {
    expect((await refusal(readSigningKeys(await file('empty.json', { keys: [] }), false))).problems).toHaveLength(1);
    const key = await generateSigningKey();
    const twice = await refusal(readSigningKeys(await file('twice.json', { keys: [key, key] }), false));
    expect(twice.problems).toEqual(['every key needs a kid of its own']);
  });
});
