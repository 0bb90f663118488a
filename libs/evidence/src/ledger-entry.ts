import { canonicalJson } from './canonical-json';
import { leafHash } from './merkle/merkle-hash';

/** One ledger entry as hashed into the tree: its leaf is leafHash(utf8(canonicalJson(entry))). */
export interface LedgerEntry {
  eventId: string;
  source: string;
  type: string;
  time: string;
  personId: string | null;
  correlationId: string | null;
  causationId: string | null;
  /** The agency that acted and its system, as the publisher said: part of what the leaf vouches for. */
  actorAgencyId: string | null;
  actorClientId: string | null;
  recordedAt: string;
  data: unknown;
}

/** The entry's leaf hash. Canonical JSON, so the same entry hashes alike after any trip through JSON. */
export function ledgerLeafHash(entry: LedgerEntry): Buffer {
  return leafHash(Buffer.from(canonicalJson(entry), 'utf8'));
}
