import type { JsonWebKey, KeyObject } from 'node:crypto';
import { decodeBase64 } from './base64';
import { BUNDLE_FORMAT, type BundleStatement } from './bundle-format';
import { publicKeyFromJwk, type SignedCheckpoint } from './checkpoint';
import type { LedgerEntry } from './ledger-entry';

// A bundle arrives as a file from someone else: nothing in it is taken on trust, not even its shape.
// These functions turn `unknown` into typed values, naming every problem instead of throwing.

/** The parts of a bundle that the verification of its entries rests on. */
export interface BundleHead {
  statement: BundleStatement;
  statementSignature: string;
  checkpoint: SignedCheckpoint;
  publicKey: KeyObject;
  entries: unknown[];
}

export type HeadReading =
  { head: BundleHead; problems: [] } | { head?: undefined; problems: string[]; treeSize?: number; rootHash?: string };

export function readHead(value: unknown): HeadReading {
  if (!isRecord(value)) return { problems: ['the bundle is not a JSON object'] };
  const problems: string[] = [];
  if (value.format !== BUNDLE_FORMAT) {
    problems.push(`format is ${JSON.stringify(value.format) ?? 'missing'}, not '${BUNDLE_FORMAT}'`);
  }
  const statement = readStatement(value.statement, problems);
  if (typeof value.statementSignature !== 'string') problems.push('statementSignature is not a string');
  const checkpoint = readCheckpoint(value.checkpoint, problems);
  const publicKey = readPublicKey(value.publicKey, problems);
  if (!Array.isArray(value.entries)) problems.push('entries is not an array');
  if (problems.length > 0 || !statement || !checkpoint || !publicKey || !Array.isArray(value.entries)) {
    return { problems, treeSize: checkpoint?.checkpoint.treeSize, rootHash: checkpoint?.checkpoint.rootHash };
  }
  return {
    head: {
      statement,
      statementSignature: value.statementSignature as string,
      checkpoint,
      publicKey,
      entries: value.entries as unknown[],
    },
    problems: [],
  };
}

/** One entry of a bundle, as far as it could be read. `entry` and `proof` are set when nothing is wrong. */
export interface EntryReading {
  index?: number;
  eventId?: string;
  entry?: LedgerEntry;
  proof?: Buffer[];
  problems: string[];
}

export function readEntry(value: unknown): EntryReading {
  if (!isRecord(value)) return { problems: ['the entry is not a JSON object'] };
  const problems: string[] = [];
  const index = isIndex(value.index) ? value.index : undefined;
  if (index === undefined) problems.push('index is not a whole number ≥ 0');
  const entry = value.entry;
  let eventId: string | undefined;
  if (isRecord(entry)) {
    eventId = typeof entry.eventId === 'string' ? entry.eventId : undefined;
    for (const name of ['eventId', 'source', 'type', 'time', 'recordedAt'] as const) {
      if (typeof entry[name] !== 'string') problems.push(`entry.${name} is not a string`);
    }
    for (const name of ['personId', 'correlationId', 'causationId', 'actorAgencyId', 'actorClientId'] as const) {
      if (typeof entry[name] !== 'string' && entry[name] !== null)
        problems.push(`entry.${name} is not a string or null`);
    }
    if (!Object.hasOwn(entry, 'data')) problems.push('entry.data is missing');
  } else {
    problems.push('entry is not a JSON object');
  }
  let proof: Buffer[] | undefined;
  if (Array.isArray(value.proof)) {
    const hashes = value.proof.map((element) => decodeBase64(element, 32));
    if (hashes.every((hash) => hash !== undefined)) proof = hashes;
    else problems.push('proof holds something other than base64 SHA-256 hashes');
  } else {
    problems.push('proof is not an array');
  }
  if (problems.length > 0) return { index, eventId, problems };
  return { index, eventId, entry: entry as LedgerEntry, proof, problems };
}

function readStatement(value: unknown, problems: string[]): BundleStatement | undefined {
  if (!isRecord(value)) {
    problems.push('statement is not a JSON object');
    return undefined;
  }
  const before = problems.length;
  const { personIds, treeSize, indices, exportedAt } = value;
  if (!Array.isArray(personIds) || !personIds.every((id) => typeof id === 'string')) {
    problems.push('statement.personIds is not a list of strings');
  }
  if (!isIndex(treeSize)) problems.push('statement.treeSize is not a whole number ≥ 0');
  if (!Array.isArray(indices) || !indices.every(isIndex)) {
    problems.push('statement.indices is not a list of whole numbers ≥ 0');
  } else if (new Set(indices).size !== indices.length) {
    problems.push('statement.indices names a leaf twice');
  }
  if (typeof exportedAt !== 'string') problems.push('statement.exportedAt is not a string');
  // The statement is returned as it came, extra members and all: its signature covers all of them.
  return problems.length === before ? (value as unknown as BundleStatement) : undefined;
}

function readCheckpoint(value: unknown, problems: string[]): SignedCheckpoint | undefined {
  if (!isRecord(value) || !isRecord(value.checkpoint)) {
    problems.push('checkpoint is not a signed checkpoint object');
    return undefined;
  }
  const before = problems.length;
  const { origin, treeSize, rootHash, time } = value.checkpoint;
  if (typeof origin !== 'string') problems.push('checkpoint.origin is not a string');
  if (!isIndex(treeSize)) problems.push('checkpoint.treeSize is not a whole number ≥ 0');
  if (!decodeBase64(rootHash, 32)) problems.push('checkpoint.rootHash is not a base64 SHA-256 hash');
  if (typeof time !== 'string') problems.push('checkpoint.time is not a string');
  if (typeof value.keyId !== 'string') problems.push('checkpoint.keyId is not a string');
  if (typeof value.signature !== 'string') problems.push('checkpoint.signature is not a string');
  return problems.length === before ? (value as unknown as SignedCheckpoint) : undefined;
}

function readPublicKey(value: unknown, problems: string[]): KeyObject | undefined {
  try {
    return publicKeyFromJwk(value as JsonWebKey);
  } catch (error) {
    problems.push(`publicKey: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
