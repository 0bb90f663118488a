import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentSealKeyFile, loadSealKeys, SealKeyFileError } from './seal-keys';
import { SealSigner } from './seal-signature';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lintas-seal-keys-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function refusal(loading: Promise<unknown>): Promise<SealKeyFileError> {
  const error = await loading.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SealKeyFileError);
  return error as SealKeyFileError;
}

const publicPem = (signer: SealSigner) => signer.publicKey.export({ format: 'pem', type: 'spki' }).toString();

describe('the seal keys', () => {
  it('are made once outside production, readable by their owner only, and the same on every start', async () => {
    const signingKeyFile = join(dir, 'keys', 'intake-seal.pem');
    const first = await loadSealKeys({ service: 'intake', signingKeyFile, createIfMissing: true });
    expect((await stat(signingKeyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'keys'))).mode & 0o777).toBe(0o700);
    expect(await readFile(signingKeyFile, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    const again = await loadSealKeys({ service: 'intake', signingKeyFile, createIfMissing: true });
    expect(again.signer.keyId).toBe(first.signer.keyId);
    expect(again.trusted.keyIds).toEqual([first.signer.keyId]);
  });

  it('are one key when several processes make it at the same moment', async () => {
    const signingKeyFile = join(dir, 'race', 'seal.pem');
    const loaded = await Promise.all(
      Array.from({ length: 8 }, () => loadSealKeys({ service: 'intake', signingKeyFile, createIfMissing: true })),
    );
    expect(new Set(loaded.map((keys) => keys.signer.keyId)).size).toBe(1);
    expect(SealSigner.fromPem(await readFile(signingKeyFile, 'utf8')).keyId).toBe(loaded[0]?.signer.keyId);
  });

  it('live in the git-ignored scratch folder when no file is named', () => {
    expect(developmentSealKeyFile('health-liaison')).toBe(join('.scratch', 'keys', 'health-liaison-seal.pem'));
  });

  it('are never made in production', async () => {
    const path = join(dir, 'seal.pem');
    const error = await refusal(loadSealKeys({ service: 'intake', signingKeyFile: path, createIfMissing: false }));
    expect(error.message).toMatch(/^.*seal\.pem: no such file \(a PKCS#8 PEM Ed25519 private key/);
  });

  it('trust the files public keys besides their own, for the seals before a rotation', async () => {
    const signingKeyFile = join(dir, 'seal.pem');
    const old = [SealSigner.generate(), SealSigner.generate()];
    const signer = SealSigner.generate();
    await writeFile(signingKeyFile, signer.toPem(), { mode: 0o600 });
    const trustedPublicKeysFile = join(dir, 'trusted.pem');
    await writeFile(trustedPublicKeysFile, old.map(publicPem).join(''));
    const keys = await loadSealKeys({ service: 'x', signingKeyFile, trustedPublicKeysFile, createIfMissing: false });
    expect(keys.signer.keyId).toBe(signer.keyId);
    expect(keys.trusted.keyIds).toEqual([signer, ...old].map((key) => key.keyId));
  });

  it('refuse files that hold something else, without repeating what they hold', async () => {
    const notAKey = join(dir, 'not-a-key.pem');
    await writeFile(notAKey, 'secret text that is no key');
    const error = await refusal(loadSealKeys({ service: 'x', signingKeyFile: notAKey, createIfMissing: true }));
    expect(error.problem).toBe('is not a PKCS#8 PEM Ed25519 private key (openssl genpkey -algorithm ed25519)');
    expect(error.message).not.toContain('secret text');

    const signingKeyFile = join(dir, 'seal.pem');
    await writeFile(signingKeyFile, SealSigner.generate().toPem());
    const empty = join(dir, 'empty.pem');
    await writeFile(empty, '');
    expect(
      (
        await refusal(
          loadSealKeys({ service: 'x', signingKeyFile, trustedPublicKeysFile: empty, createIfMissing: true }),
        )
      ).problem,
    ).toBe('holds no -----BEGIN PUBLIC KEY----- block');
    const missing = join(dir, 'missing.pem');
    expect(
      (
        await refusal(
          loadSealKeys({ service: 'x', signingKeyFile, trustedPublicKeysFile: missing, createIfMissing: true }),
        )
      ).problem,
    ).toBe('no such file (PEM public keys, one block each)');
  });
});
