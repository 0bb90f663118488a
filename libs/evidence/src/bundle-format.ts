import type { JsonWebKey } from 'node:crypto';
import type { SignedCheckpoint } from './checkpoint';
import type { LedgerEntry } from './ledger-entry';

export const BUNDLE_FORMAT = 'lintas-evidence/1';

export interface BundleEntry {
  /** The entry's leaf index in the ledger's tree. */
  index: number;
  entry: LedgerEntry;
  /** Base64 inclusion proof (RFC 9162 PATH) against the checkpoint's tree. */
  proof: string[];
}

/** Signed by the ledger when it exports: which leaves are this person's, in order, in which tree. */
export interface BundleStatement {
  /** The person and the records linked to it. */
  personIds: string[];
  treeSize: number;
  indices: number[];
  exportedAt: string;
}

/** Everything an outsider needs to check a person's entries without the ledger: see docs/evidence.md. */
export interface EvidenceBundle {
  format: typeof BUNDLE_FORMAT;
  statement: BundleStatement;
  /** Ed25519 over canonicalJson(statement), base64. */
  statementSignature: string;
  checkpoint: SignedCheckpoint;
  /** The ledger's public key. Only as good as its match with a copy the verifier holds from elsewhere. */
  publicKey: JsonWebKey;
  entries: BundleEntry[];
}
