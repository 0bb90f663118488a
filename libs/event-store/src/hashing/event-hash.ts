import { createHash } from 'node:crypto';

/** The 32 zero bytes a stream's chain starts from. */
export const GENESIS = Buffer.alloc(32);

/** The fields of a stored event that its hash covers: everything but its global position. */
export interface HashedFields {
  /** Lower-case canonical UUID, as PostgreSQL prints it. */
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  /** Exactly the stored JSON text, so that verification hashes the same bytes without re-serialising. */
  dataText: string;
  metadataText: string;
}

/**
 * The chain's formula in TypeScript, for verifiers outside the database (an auditor checking an
 * export); the store itself chains in SQL, in its append function, with the same formula.
 * sha256(previous hash ‖ header ‖ data ‖ metadata), where the header gives every field and the
 * byte length of each variable one, so that no text can move from one field to another. The
 * header is built the same way in SQL (see EVENT_HASH_SQL), so PostgreSQL can verify chains
 * itself without shipping events to the verifier. Personal fields are hashed in their encrypted
 * form, so destroying a person's key (crypto-shredding) leaves every chain verifiable.
 */
export function eventHash(previous: Buffer, event: HashedFields): Buffer {
  const header = [
    event.eventId,
    event.streamVersion,
    event.schemaVersion,
    Buffer.byteLength(event.streamId),
    event.streamId,
    Buffer.byteLength(event.type),
    event.type,
    Buffer.byteLength(event.dataText),
    Buffer.byteLength(event.metadataText),
    '',
  ].join('\n');
  return createHash('sha256')
    .update(previous)
    .update(header)
    .update(event.dataText)
    .update(event.metadataText)
    .digest();
}

/** The same hash in SQL over an events row, given the previous hash as `previous` (bytea). */
export const EVENT_HASH_SQL = `sha256(previous || convert_to(concat_ws(E'\\n',
    event_id::text, stream_version, schema_version, octet_length(stream_id), stream_id, octet_length(type), type,
    octet_length(data::text), octet_length(metadata::text), '') || data::text || metadata::text, 'UTF8'))`;
