import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { decodeBase64 } from './base64';
import { BUNDLE_FORMAT, type BundleEntry, type BundleStatement, type EvidenceBundle } from './bundle-format';
import { compareOrder } from './bundle-order';
import { type BundleHead, readEntry, readHead } from './bundle-reading';
import { canonicalJson } from './canonical-json';
import { keyIdOf, publicKeyToJwk, type SignedCheckpoint, verifyCheckpoint } from './checkpoint';
import { ledgerLeafHash } from './ledger-entry';
import { verifyInclusion } from './merkle/merkle-verify';

export { BUNDLE_FORMAT } from './bundle-format';
export type { BundleEntry, BundleStatement, EvidenceBundle } from './bundle-format';
export type { LedgerEntry } from './ledger-entry';

export interface BundleFailure {
  kind:
    | 'malformed'
    | 'checkpoint-signature'
    | 'statement-signature'
    | 'statement-tree-mismatch'
    | 'entry-altered'
    | 'entry-missing'
    | 'entry-unexpected'
    | 'entry-out-of-order'
    | 'wrong-person';
  index?: number;
  eventId?: string;
  detail: string;
}

export interface BundleVerification {
  ok: boolean;
  /** Entries whose inclusion proof was checked. */
  entriesChecked: number;
  treeSize: number;
  rootHash: string;
  /** keyIdOf the key the bundle carries ('' when it carries none that can be read). */
  keyId: string;
  failures: BundleFailure[];
}

/**
 * The ledger's export of one person's entries: signs which leaves they are (the statement) beside
 * the checkpoint the proofs lead to. The checkpoint must be signed with the same key.
 */
export function createBundle(
  input: { personIds: string[]; checkpoint: SignedCheckpoint; entries: BundleEntry[]; exportedAt: string },
  privateKey: KeyObject,
): EvidenceBundle {
  const publicKey = createPublicKey(privateKey);
  if (input.checkpoint.keyId !== keyIdOf(publicKey)) {
    throw new Error(`the checkpoint was signed by key ${input.checkpoint.keyId}, not by this one`);
  }
  const statement: BundleStatement = {
    personIds: [...input.personIds],
    treeSize: input.checkpoint.checkpoint.treeSize,
    indices: input.entries.map((entry) => entry.index),
    exportedAt: input.exportedAt,
  };
  if (new Set(statement.indices).size !== statement.indices.length) throw new Error('the entries name a leaf twice');
  return {
    format: BUNDLE_FORMAT,
    statement,
    statementSignature: sign(null, statementBytes(statement), privateKey).toString('base64'),
    checkpoint: input.checkpoint,
    publicKey: publicKeyToJwk(publicKey),
    entries: input.entries,
  };
}

/**
 * Checks a bundle offline, all of it, and reports every failure found. Never throws: the bundle is
 * someone else's file. Without `trustedKeys` it shows only that the bundle agrees with itself; the
 * ledger's key, held from elsewhere, is what ties it to the ledger.
 */
export function verifyBundle(bundle: unknown, options: { trustedKeys?: KeyObject[] } = {}): BundleVerification {
  try {
    return verifyReadBundle(bundle, options);
  } catch (error) {
    // Reached only through a fault in this code; still an answer, never a crash of the verifier.
    const detail = `the bundle could not be checked: ${error instanceof Error ? error.message : String(error)}`;
    return {
      ok: false,
      entriesChecked: 0,
      treeSize: 0,
      rootHash: '',
      keyId: '',
      failures: [{ kind: 'malformed', detail }],
    };
  }
}

function verifyReadBundle(bundle: unknown, options: { trustedKeys?: KeyObject[] }): BundleVerification {
  const reading = readHead(bundle);
  if (!reading.head) {
    return {
      ok: false,
      entriesChecked: 0,
      treeSize: reading.treeSize ?? 0,
      rootHash: reading.rootHash ?? '',
      keyId: '',
      failures: reading.problems.map((detail) => ({ kind: 'malformed', detail })),
    };
  }
  const head = reading.head;
  const failures = [...checkSignatures(head, options.trustedKeys), ...checkStatementAgainstTree(head)];
  const entries = head.entries.map((value, position) => ({ position, ...readEntry(value) }));
  for (const { position, index, eventId, problems } of entries) {
    for (const problem of problems)
      failures.push({ kind: 'malformed', index, eventId, detail: `entry ${position}: ${problem}` });
  }

  const order = compareOrder(
    head.statement.indices,
    entries.flatMap(({ position, index }) => (index === undefined ? [] : [{ position, index }])),
  );
  const eventIdAt = (position: number) => entries[position]?.eventId;
  for (const { position, index, twice } of order.unexpected) {
    const detail = twice
      ? `leaf ${index} appears more than once (again at position ${position})`
      : `leaf ${index} (position ${position}) is not among the leaves the statement lists`;
    failures.push({ kind: 'entry-unexpected', index, eventId: eventIdAt(position), detail });
  }
  for (const index of order.missing) {
    failures.push({
      kind: 'entry-missing',
      index,
      detail: `the statement lists leaf ${index}, the bundle does not carry it`,
    });
  }
  for (const { position, index } of order.outOfOrder) {
    const expected = head.statement.indices.indexOf(index);
    const detail = `leaf ${index} is at position ${position}; the statement puts it at position ${expected}`;
    failures.push({ kind: 'entry-out-of-order', index, eventId: eventIdAt(position), detail });
  }

  const { treeSize, rootHash } = head.checkpoint.checkpoint;
  const root = decodeBase64(rootHash, 32) as Buffer;
  const personIds = new Set(head.statement.personIds);
  let entriesChecked = 0;
  for (const { position, index, eventId, entry, proof } of entries) {
    if (index === undefined || !entry || !proof) continue;
    let leaf: Buffer;
    try {
      leaf = ledgerLeafHash(entry);
    } catch (error) {
      const detail = `entry ${position} has no canonical JSON: ${error instanceof Error ? error.message : String(error)}`;
      failures.push({ kind: 'malformed', index, eventId, detail });
      continue;
    }
    entriesChecked += 1;
    if (!verifyInclusion(leaf, index, treeSize, proof, root)) {
      const detail =
        index >= treeSize
          ? `leaf ${index} lies beyond the checkpoint's tree of ${treeSize}`
          : `the entry at leaf ${index} does not lead to the checkpoint's root: it or its proof was changed`;
      failures.push({ kind: 'entry-altered', index, eventId, detail });
    }
    if (entry.personId === null || !personIds.has(entry.personId)) {
      const detail = `the entry at leaf ${index} is about ${entry.personId ?? 'no person'}, not one of the statement's`;
      failures.push({ kind: 'wrong-person', index, eventId, detail });
    }
  }
  return {
    ok: failures.length === 0,
    entriesChecked,
    treeSize,
    rootHash,
    keyId: keyIdOf(head.publicKey),
    failures,
  };
}

function checkSignatures(head: BundleHead, trustedKeys: KeyObject[] | undefined): BundleFailure[] {
  const failures: BundleFailure[] = [];
  if (!verifyCheckpoint(head.checkpoint, head.publicKey)) {
    failures.push({
      kind: 'checkpoint-signature',
      detail: "the checkpoint's signature does not verify with the bundle's key",
    });
  }
  if (trustedKeys && !trustedKeys.some((key) => key.type === 'public' && key.equals(head.publicKey))) {
    failures.push({
      kind: 'checkpoint-signature',
      detail: `the bundle's key ${keyIdOf(head.publicKey)} is not one of the trusted keys`,
    });
  }
  const signature = decodeBase64(head.statementSignature, 64);
  let statementOk = false;
  try {
    statementOk = signature !== undefined && verify(null, statementBytes(head.statement), head.publicKey, signature);
  } catch {
    // A statement without canonical JSON cannot have been signed as it reads.
  }
  if (!statementOk) {
    failures.push({
      kind: 'statement-signature',
      detail: "the statement's signature does not verify with the bundle's key",
    });
  }
  return failures;
}

function checkStatementAgainstTree(head: BundleHead): BundleFailure[] {
  const { treeSize } = head.checkpoint.checkpoint;
  const failures: BundleFailure[] = [];
  if (head.statement.treeSize !== treeSize) {
    failures.push({
      kind: 'statement-tree-mismatch',
      detail: `the statement speaks of a tree of ${head.statement.treeSize}, the checkpoint of ${treeSize}`,
    });
  }
  for (const index of head.statement.indices) {
    if (index >= treeSize) {
      failures.push({
        kind: 'statement-tree-mismatch',
        index,
        detail: `the statement lists leaf ${index}, beyond the tree`,
      });
    }
  }
  return failures;
}

function statementBytes(statement: BundleStatement): Buffer {
  return Buffer.from(canonicalJson(statement), 'utf8');
}
