import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SealSigner, TrustedSealKeys } from './seal-signature';

/** A key file a service cannot start with; its message names the file and the problem, never a key. */
export class SealKeyFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'SealKeyFileError';
  }
}

/** The key that signs a store's seals, and the public keys its verification accepts (its own among them). */
export class SealKeys {
  constructor(
    readonly signer: SealSigner,
    readonly trusted: TrustedSealKeys,
  ) {}
}

export interface SealKeySettings {
  /** The service: names its development key. */
  service: string;
  /** A PKCS#8 PEM Ed25519 private key (SEAL_SIGNING_KEY_FILE); unset, the service's development key. */
  signingKeyFile?: string;
  /** PEM public keys trusted besides the signing key's own, e.g. the keys before a rotation. */
  trustedPublicKeysFile?: string;
  /** Outside production: a missing signing key file is made with a new key, readable by its owner only. */
  createIfMissing: boolean;
}

/**
 * Where a service keeps its seal key when SEAL_SIGNING_KEY_FILE is unset (development and tests
 * only: production refuses to start without the setting): `.scratch/` in the working directory,
 * which git ignores, as the identity app keeps its development keys.
 */
export function developmentSealKeyFile(service: string): string {
  return join('.scratch', 'keys', `${service}-seal.pem`);
}

/** The service's seal keys, read once at start-up from files, never from the database. */
export async function loadSealKeys(settings: SealKeySettings): Promise<SealKeys> {
  const path = settings.signingKeyFile ?? developmentSealKeyFile(settings.service);
  const signer = await readSigningKey(path, settings.createIfMissing);
  const others = settings.trustedPublicKeysFile ? await readTrustedKeys(settings.trustedPublicKeysFile) : [];
  return new SealKeys(signer, new TrustedSealKeys([signer.publicKey, ...others]));
}

async function readSigningKey(path: string, createIfMissing: boolean): Promise<SealSigner> {
  const pem = await readText(path);
  if (pem === undefined) {
    if (!createIfMissing) {
      throw new SealKeyFileError(
        path,
        'no such file (a PKCS#8 PEM Ed25519 private key: openssl genpkey -algorithm ed25519 -out <file>)',
      );
    }
    return createKeyFile(path);
  }
  try {
    return SealSigner.fromPem(pem);
  } catch {
    throw new SealKeyFileError(path, 'is not a PKCS#8 PEM Ed25519 private key (openssl genpkey -algorithm ed25519)');
  }
}

/**
 * A new key, written whole under a temporary name and then linked into place: a process that
 * started at the same moment (tests start several at once) either wins or reads the winner's key,
 * never half a file and never a key that another process already signs with overwritten.
 */
async function createKeyFile(path: string): Promise<SealSigner> {
  const signer = SealSigner.generate();
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, signer.toPem(), { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return signer;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return await readSigningKey(path, false);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function readTrustedKeys(path: string) {
  const pem = await readText(path);
  if (pem === undefined) throw new SealKeyFileError(path, 'no such file (PEM public keys, one block each)');
  try {
    const keys = TrustedSealKeys.parsePem(pem);
    if (keys.length > 0) return keys;
  } catch {
    throw new SealKeyFileError(path, 'holds a block that is not an Ed25519 public key');
  }
  throw new SealKeyFileError(path, 'holds no -----BEGIN PUBLIC KEY----- block');
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new SealKeyFileError(path, `cannot be read: ${code ?? 'unknown error'}`);
  }
}
